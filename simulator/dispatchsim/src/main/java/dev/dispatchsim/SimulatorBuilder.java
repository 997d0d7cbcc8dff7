package dev.dispatchsim;

import dev.dispatchsim.clock.SimClock;
import dev.dispatchsim.clock.SystemClock;
import dev.dispatchsim.internal.auth.ApiKeys;
import dev.dispatchsim.internal.engine.EngineConfig;
import dev.dispatchsim.internal.fault.RuleProfile;
import dev.dispatchsim.profile.Profile;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a {@link LiveKitSimulator}. Defaults: 127.0.0.1, a random free port, devkey/secret, seed 0,
 * real time, no fault profile, livekit-server 1.13.5's timeline (availability window, listing lag, agent
 * join delay). Every value is checked where it is set.
 */
public final class SimulatorBuilder {

    private String bind = "127.0.0.1";
    private int port = 0;
    private ApiKeys keys = ApiKeys.defaults();
    private SimClock clock = new SystemClock();
    private EngineConfig config = EngineConfig.defaults();
    private RuleProfile profile = RuleProfile.none();
    private Consumer<Throwable> onError = failure -> System.err.println("dispatchsim: engine error: " + failure);
    private String adminToken;

    SimulatorBuilder() {
    }

    /** The address to listen on; {@code 0.0.0.0} for every interface. */
    public SimulatorBuilder bind(String value) {
        this.bind = Objects.requireNonNull(value, "bind");
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

    /** The one API key clients sign with. */
    public SimulatorBuilder apiKey(String key, String secret) {
        this.keys = ApiKeys.of(key, secret);
        return this;
    }

    /** Several API keys, key to secret, in order: the first is the one {@link LiveKitSimulator#apiKey()} hands out. */
    public SimulatorBuilder apiKeys(Map<String, String> secretsByKey) {
        this.keys = ApiKeys.of(secretsByKey);
        return this;
    }

    /** The master seed: ids, worker choice and every fault rule's draws derive from it. */
    public SimulatorBuilder seed(long value) {
        this.config = config.withSeed(value);
        return this;
    }

    /** A {@code ManualClock} makes time move only when the test moves it; give each simulator its own. */
    public SimulatorBuilder clock(SimClock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * How long a worker has to answer an AvailabilityRequest, from when it is sent; 3 s by default: on
     * livekit-server 1.13.5 the job request's 3 s deadline ends the wait (measured: an answer at 2.5 s is
     * assigned, one at 2.8 s is lost). A later answer is ignored and the job is lost.
     */
    public SimulatorBuilder availabilityTimeout(Duration value) {
        this.config = config.withAvailabilityTimeout(Objects.requireNonNull(value, "availabilityTimeout"));
        return this;
    }

    /**
     * How long ListDispatch keeps listing {@code jobs: []} after the JobAssignment of the first launch after
     * a worker registered (or after a minute without launches); 5 s by default, as measured on livekit-server
     * 1.13.5. {@code Duration.ZERO} lists every job at its assignment.
     */
    public SimulatorBuilder listingLag(Duration value) {
        this.config = config.withListingLag(Objects.requireNonNull(value, "listingLag"));
        return this;
    }

    /**
     * How long after the JobAssignment the simulated agent participant joins the room; 1.5 s by default (a
     * real agent appears 1.5-2.7 s after the dispatch). {@code Duration.ZERO} joins it with the assignment.
     */
    public SimulatorBuilder agentJoinDelay(Duration value) {
        this.config = config.withAgentJoinDelay(Objects.requireNonNull(value, "agentJoinDelay"));
        return this;
    }

    /** Workers at or above this load get no jobs, in (0, 1]; 0.7 by default, as livekit-server. */
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
        this.profile = RuleProfile.of(value);
        return this;
    }

    /** A bundled profile by name (e.g. "late-delivery") or a YAML file by path. */
    public SimulatorBuilder profile(String bundledNameOrPath) {
        return profile(Profile.load(bundledNameOrPath));
    }

    /** How many journal entries are kept (the oldest go first); 100 000 by default. */
    public SimulatorBuilder journalCapacity(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, was " + value);
        }
        this.config = config.withJournalCapacity(value);
        return this;
    }

    /** Where a bug in an engine command goes (the engine goes on); stderr by default. */
    public SimulatorBuilder onEngineError(Consumer<Throwable> value) {
        this.onError = Objects.requireNonNull(value, "onEngineError");
        return this;
    }

    /** When set, every {@code /_sim/} admin call must carry this token (Bearer or {@code X-Admin-Token}). */
    public SimulatorBuilder adminToken(String value) {
        this.adminToken = value == null || value.isEmpty() ? null : value;
        return this;
    }

    /** Starts the simulator; it listens when this returns. */
    public LiveKitSimulator start() {
        return new LiveKitSimulator(this);
    }

    String bind() {
        return bind;
    }

    int port() {
        return port;
    }

    ApiKeys keys() {
        return keys;
    }

    SimClock clock() {
        return clock;
    }

    EngineConfig config() {
        return config;
    }

    RuleProfile profile() {
        return profile;
    }

    Consumer<Throwable> onError() {
        return onError;
    }

    String adminToken() {
        return adminToken;
    }
}
