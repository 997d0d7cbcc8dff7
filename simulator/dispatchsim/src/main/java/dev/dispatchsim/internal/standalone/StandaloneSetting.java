package dev.dispatchsim.internal.standalone;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the standalone server, once. The env var name is derived from the flag
 * mechanically ({@code --availability-timeout} is {@code DISPATCHSIM_AVAILABILITY_TIMEOUT}), so the
 * two can never drift apart. Precedence: default &lt; profile (seed only) &lt; env &lt; flag.
 */
public enum StandaloneSetting {
    PORT("--port", "7880", "PORT", "HTTP and WebSocket port, 0-65535 (0 = a random free port)"),
    BIND("--bind", "127.0.0.1", "ADDRESS", "address to listen on (0.0.0.0 = every interface, as in the Docker image)"),
    KEYS("--keys", "devkey:secret", "KEY:SECRET[,...]", "API keys the LiveKit APIs and workers authenticate with"),
    SEED("--seed", "0", "SEED", "master seed for ids, worker choice and fault draws (a whole number)"),
    PROFILE("--profile", null, "FILE|NAME", "fault profile to load at start: a YAML/JSON file path or a bundled profile name"),
    CLOCK("--clock", "system", "system|manual", "system = real time; manual = time moves only on POST /_sim/clock/advance"),
    AVAILABILITY_TIMEOUT("--availability-timeout", "3s", "DURATION",
            "how long a worker has to answer an AvailabilityRequest, e.g. 3s, 500ms, PT2S"),
    LISTING_LAG("--listing-lag", "5s", "DURATION",
            "how long ListDispatch lists no job after the first assignment following a worker's registration; 0 = off"),
    AGENT_JOIN_DELAY("--agent-join-delay", "1.5s", "DURATION",
            "how long after the JobAssignment the simulated agent participant joins the room; 0 = at once"),
    TARGET_LOAD("--target-load", "0.7", "LOAD", "workers at or above this load get no jobs, in (0, 1]"),
    ADMIN_TOKEN("--admin-token", null, "TOKEN", "when set, every /_sim/ admin call must carry it (Bearer or X-Admin-Token)"),
    LOG_LEVEL("--log-level", "info", "LEVEL", "log level: off, error, warn, info, debug, trace");

    public static final String ENV_PREFIX = "DISPATCHSIM_";

    private final String flag;
    private final String defaultValue;
    private final String label;
    private final String help;

    StandaloneSetting(String flag, String defaultValue, String label, String help) {
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.label = label;
        this.help = help;
    }

    public String flag() {
        return flag;
    }

    /** {@code --availability-timeout} → {@code DISPATCHSIM_AVAILABILITY_TIMEOUT}. */
    public String envName() {
        return ENV_PREFIX + flag.substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Null when the setting is off unless given. */
    public String defaultValue() {
        return defaultValue;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    public static Optional<StandaloneSetting> byEnvName(String name) {
        return Arrays.stream(values()).filter(s -> s.envName().equals(name)).findFirst();
    }
}
