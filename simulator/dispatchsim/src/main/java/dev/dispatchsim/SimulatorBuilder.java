package dev.dispatchsim;

import dev.dispatchsim.admin.ProfileControl;
import dev.dispatchsim.auth.ApiKeys;
import dev.dispatchsim.clock.SimClock;
import dev.dispatchsim.clock.SystemClock;
import dev.dispatchsim.engine.EngineConfig;
import dev.dispatchsim.fault.Profile;
import dev.dispatchsim.fault.profile.ProfileLoader;
import dev.dispatchsim.transport.HttpServer;

import java.time.Duration;
import java.util.function.Consumer;

/** Builds a {@link LiveKitSimulator}. Defaults: 127.0.0.1, a random free port, devkey/secret, seed 0, real time. */
public final class SimulatorBuilder {

    private String bind = "127.0.0.1";
    private int port = 0;
    private ApiKeys keys = ApiKeys.defaults();
    private SimClock clock = new SystemClock();
    private EngineConfig config = EngineConfig.defaults();
    private Profile profile = Profile.none();
    private Consumer<Throwable> onError = failure -> System.err.println("dispatchsim: engine error: " + failure);
    private Consumer<HttpServer.Builder> extraRoutes = builder -> { };
    private String adminToken;
    /** Null: the simulator's own fault engine serves the profile operations (the normal case). */
    private ProfileControl profiles;

    SimulatorBuilder() {
    }

    public SimulatorBuilder bind(String value) {
        this.bind = value;
        return this;
    }

    /** 0 = a random free port. */
    public SimulatorBuilder port(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + value);
        }
        this.port = value;
        return this;
    }

    public SimulatorBuilder keys(ApiKeys value) {
        this.keys = value;
        return this;
    }

    public SimulatorBuilder apiKey(String key, String secret) {
        return keys(ApiKeys.of(key, secret));
    }

    public SimulatorBuilder seed(long value) {
        this.config = config.withSeed(value);
        return this;
    }

    public SimulatorBuilder clock(SimClock value) {
        this.clock = value;
        return this;
    }

    public SimulatorBuilder availabilityTimeout(Duration value) {
        this.config = config.withAvailabilityTimeout(value);
        return this;
    }

    public SimulatorBuilder targetLoad(double value) {
        this.config = config.withTargetLoad(value);
        return this;
    }

    /** Put this {@code url} into JobAssignment (the OSS server omits it; the SDKs then use their own LIVEKIT_URL). */
    public SimulatorBuilder assignmentUrl(String value) {
        this.config = config.withAssignmentUrl(value);
        return this;
    }

    /** The fault profile to start with (none by default: the simulator behaves like livekit-server). */
    public SimulatorBuilder profile(Profile value) {
        this.profile = value;
        return this;
    }

    /** A bundled profile by name (e.g. "late-delivery") or a YAML file by path. */
    public SimulatorBuilder profile(String bundledNameOrPath) {
        return profile(ProfileLoader.load(bundledNameOrPath));
    }

    public SimulatorBuilder journalCapacity(int value) {
        this.config = config.withJournalCapacity(value);
        return this;
    }

    public SimulatorBuilder onEngineError(Consumer<Throwable> value) {
        this.onError = value;
        return this;
    }

    /** Extra HTTP routes on the same port (the admin API uses this). */
    public SimulatorBuilder extraRoutes(Consumer<HttpServer.Builder> value) {
        this.extraRoutes = value;
        return this;
    }

    /** When set, every {@code /_sim/} admin call must carry this token (Bearer or {@code X-Admin-Token}). */
    public SimulatorBuilder adminToken(String value) {
        this.adminToken = value == null || value.isEmpty() ? null : value;
        return this;
    }

    /** Where the admin API's profile endpoints and reset go; default: a build without a fault engine. */
    public SimulatorBuilder profiles(ProfileControl value) {
        this.profiles = java.util.Objects.requireNonNull(value, "profiles");
        return this;
    }

    public SimulatorSettings settings() {
        return new SimulatorSettings(bind, port, keys, clock, config, profile, onError, adminToken, profiles);
    }

    public LiveKitSimulator start() {
        return new LiveKitSimulator(settings(), extraRoutes);
    }
}
