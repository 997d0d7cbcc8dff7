package dev.dispatchsim.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.SimulatorBuilder;
import dev.dispatchsim.profile.Profile;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link LiveKitSimulator} per test class or per test, the Testcontainers way: the simulator lives as
 * long as what holds the extension. {@link LiveKitSimulatorTest}, a static {@code @RegisterExtension}
 * field (or an instance field under {@code @TestInstance(PER_CLASS)}) give one per class, reset before
 * each test; an instance field gives a fresh one per test. The extension itself holds only settings;
 * running simulators live in the {@code ExtensionContext.Store}, so classes can run in parallel.
 */
public final class LiveKitSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    static final Namespace NAMESPACE = Namespace.create(LiveKitSimulatorExtension.class);
    private static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";

    /** Null when declared with an annotation: the settings are then read from {@link LiveKitSimulatorTest}. */
    private final SimulatorOptions options;

    /** For {@code @ExtendWith} and {@link LiveKitSimulatorTest}; in code, use {@link #builder()}. */
    public LiveKitSimulatorExtension() {
        this(null);
    }

    private LiveKitSimulatorExtension(SimulatorOptions options) {
        this.options = options;
    }

    public static Builder builder() {
        return new Builder(SimulatorOptions.defaults());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Registrations.check(context);
        startShared(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<FaultProfile> methodProfile = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), FaultProfile.class);
        RunningSimulator shared = running(context);
        if (shared == null) {
            Registrations.check(context);
            String origin = Registrations.describe(context, this);
            SimulatorOptions settings = options(context, origin);
            Profile classProfile = settings.profile().resolve(origin);
            Profile profile = methodProfile.map(p -> resolve(p, context)).orElse(classProfile);
            context.getStore(NAMESPACE).put(this,
                    new RunningSimulator(settings.start(profile, origin), classProfile, origin, false));
        } else {
            requireSequential(context, shared);
            Profile wanted = methodProfile.map(p -> resolve(p, context)).orElse(shared.classProfile());
            if (shared.sim().profile() != wanted) {
                shared.sim().loadProfile(wanted);
            }
            // After the load, so the journal starts empty and the profile's counters at zero.
            shared.sim().admin().reset();
        }
        if (methodProfile.isPresent()) {
            context.getStore(NAMESPACE).put(FaultProfileCheck.APPLIED, Boolean.TRUE);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RunningSimulator running = running(context);
        if (running != null && running.shared() && running.sim().profile() != running.classProfile()) {
            running.sim().loadProfile(running.classProfile());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SimulatorParameters.supports(parameter);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningSimulator running = running(context);
        if (running == null && context.getTestMethod().isEmpty()) {
            running = startShared(context); // a constructor under PER_CLASS runs before beforeAll
        }
        if (running == null) {
            throw new ParameterResolutionException("no LiveKitSimulator for parameter " + parameter.getIndex() + " ("
                    + parameter.getParameter().getType().getSimpleName() + ") of " + parameter.getDeclaringExecutable()
                    + ": the simulator of " + Registrations.describe(context, this) + " starts before each test, so "
                    + "constructors and @BeforeAll methods cannot get it; make the field static for one simulator per class");
        }
        return SimulatorParameters.resolve(parameter, running);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withReplayInfo(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withReplayInfo(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withReplayInfo(context, failure);
    }

    private Throwable withReplayInfo(ExtensionContext context, Throwable failure) {
        RunningSimulator running = running(context);
        if (running != null) {
            SimulatorReplayInfo.attach(context, running, failure);
        }
        return failure;
    }

    private RunningSimulator startShared(ExtensionContext context) {
        RunningSimulator existing = running(context);
        if (existing != null) {
            return existing; // a @Nested class shares its enclosing class's simulator
        }
        String origin = Registrations.describe(context, this);
        SimulatorOptions settings = options(context, origin);
        Profile classProfile = settings.profile().resolve(origin);
        RunningSimulator started = new RunningSimulator(settings.start(classProfile, origin), classProfile, origin, true);
        context.getStore(NAMESPACE).put(this, started);
        return started;
    }

    private RunningSimulator running(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(this, RunningSimulator.class);
    }

    private SimulatorOptions options(ExtensionContext context, String origin) {
        if (options != null) {
            return options;
        }
        return Registrations.annotation(context).map(a -> SimulatorOptions.from(a, origin)).orElse(SimulatorOptions.defaults());
    }

    private static Profile resolve(FaultProfile annotation, ExtensionContext context) {
        String where = "@FaultProfile on " + context.getRequiredTestClass().getName() + "."
                + context.getRequiredTestMethod().getName() + "()";
        return ProfileSource.of(annotation.value(), annotation.yaml(), where).resolve(where);
    }

    /** A shared simulator is reset before each test, which would pull the rug from under a concurrent one. */
    private static void requireSequential(ExtensionContext context, RunningSimulator shared) {
        boolean parallel = context.getConfigurationParameter(PARALLEL).map(Boolean::parseBoolean).orElse(false);
        if (parallel && context.getExecutionMode() == ExecutionMode.CONCURRENT) {
            throw new ExtensionConfigurationException(context.getRequiredTestClass().getName() + "."
                    + context.getRequiredTestMethod().getName() + "() runs concurrently with the other tests of its class, "
                    + "but they share the simulator of " + shared.origin() + ", which is reset before each test: annotate the "
                    + "class @Execution(ExecutionMode.SAME_THREAD), or use an instance @RegisterExtension field for one "
                    + "simulator per test");
        }
    }

    /** Settings for a {@code @RegisterExtension} field; unset ones are as in {@link LiveKitSimulatorTest}. */
    public static final class Builder {

        private SimulatorOptions options;

        private Builder(SimulatorOptions options) {
            this.options = options;
        }

        /** A bundled profile name ({@code "late-delivery"}), a file path, or {@code "classpath:dir/x.yaml"}. */
        public Builder profile(String reference) {
            options = options.withProfile(new ProfileSource.Reference(reference));
            return this;
        }

        public Builder profile(Profile profile) {
            options = options.withProfile(new ProfileSource.Given(profile));
            return this;
        }

        /** A profile written inline, in YAML or JSON. */
        public Builder profileYaml(String yaml) {
            options = options.withProfile(new ProfileSource.Inline(yaml));
            return this;
        }

        public Builder seed(long seed) {
            options = options.withSeed(seed);
            return this;
        }

        public Builder clock(ClockMode clock) {
            options = options.withClock(clock);
            return this;
        }

        public Builder apiKey(String key, String secret) {
            options = options.withKeys(key, secret);
            return this;
        }

        /** How long a worker has to answer an AvailabilityRequest; livekit-server's 3 s by default. */
        public Builder availabilityTimeout(Duration timeout) {
            options = options.withAvailabilityTimeout(timeout);
            return this;
        }

        /** The listing lag of a first launch after a registration; 5 s by default, {@code Duration.ZERO} = off. */
        public Builder listingLag(Duration lag) {
            options = options.withTweaks(b -> b.listingLag(lag));
            return this;
        }

        /** How long after the JobAssignment the simulated agent joins; 1.5 s by default, {@code Duration.ZERO} = at once. */
        public Builder agentJoinDelay(Duration delay) {
            options = options.withTweaks(b -> b.agentJoinDelay(delay));
            return this;
        }

        /** Any other setting of the {@link SimulatorBuilder} (target load, assignment URL, journal capacity, ...). */
        public Builder configure(Consumer<SimulatorBuilder> tweak) {
            options = options.withTweaks(tweak);
            return this;
        }

        public LiveKitSimulatorExtension build() {
            return new LiveKitSimulatorExtension(options);
        }
    }
}
