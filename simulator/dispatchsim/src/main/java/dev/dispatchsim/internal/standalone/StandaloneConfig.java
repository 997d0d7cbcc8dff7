package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.admin.ProfileInfo;
import dev.dispatchsim.internal.auth.ApiKeys;
import dev.dispatchsim.internal.clock.DurationText;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The standalone server's settings after layering: default &lt; profile (seed only) &lt; env &lt; flag.
 * {@code seed} is null when neither env nor flag gave one, so that a profile's seed can still apply.
 * {@code sources} says where each value came from (a flag, an env var or {@code default}), for the
 * start-up log and for error messages.
 */
public record StandaloneConfig(int port, String bind, ApiKeys keys, Long seed, String profile, boolean manualClock,
                               Duration availabilityTimeout, Duration listingLag, Duration agentJoinDelay,
                               double targetLoad, String adminToken, String logLevel,
                               Map<StandaloneSetting, String> sources) {

    static final List<String> CLOCKS = List.of("system", "manual");
    static final List<String> LOG_LEVELS = List.of("off", "error", "warn", "info", "debug", "trace");

    /** Resolves every setting; the first bad one throws a {@link ConfigException} naming its flag or env var. */
    public static StandaloneConfig resolve(Map<StandaloneSetting, String> flags, EnvLayer env) {
        Map<StandaloneSetting, String> sources = new EnumMap<>(StandaloneSetting.class);
        Map<StandaloneSetting, String> raw = new EnumMap<>(StandaloneSetting.class);
        for (StandaloneSetting setting : StandaloneSetting.values()) {
            String value = flags.get(setting);
            String source = setting.flag();
            if (value == null) {
                value = env.get(setting);
                source = setting.envName();
            }
            if (value == null) {
                value = setting.defaultValue();
                source = "default";
            } else if (value.isBlank()) {
                throw new ConfigException(source + " is empty; give a value"
                        + (setting.defaultValue() == null ? "" : " or leave it unset for the default (" + setting.defaultValue() + ")"));
            }
            if (value != null) {
                raw.put(setting, value.strip());
                sources.put(setting, source);
            }
        }
        Values v = new Values(raw, sources);
        return new StandaloneConfig(v.port(), raw.get(StandaloneSetting.BIND), v.keys(),
                "default".equals(sources.get(StandaloneSetting.SEED)) ? null : v.seed(), raw.get(StandaloneSetting.PROFILE),
                v.oneOf(StandaloneSetting.CLOCK, CLOCKS).equals("manual"), v.availabilityTimeout(),
                v.duration(StandaloneSetting.LISTING_LAG), v.duration(StandaloneSetting.AGENT_JOIN_DELAY), v.targetLoad(),
                raw.get(StandaloneSetting.ADMIN_TOKEN), v.oneOf(StandaloneSetting.LOG_LEVEL, LOG_LEVELS),
                Collections.unmodifiableMap(sources));
    }

    /** The seed in force: env or flag if given, else the profile's if it pins one, else 0. */
    public long effectiveSeed(ProfileInfo profile) {
        if (seed != null) {
            return seed;
        }
        return profile != null && profile.seed() != null ? profile.seed() : 0L;
    }

    /** Where the seed came from, for the start-up log. */
    public String seedSource(ProfileInfo profile) {
        if (seed != null) {
            return sources.get(StandaloneSetting.SEED);
        }
        return profile != null && profile.seed() != null ? "profile " + profile.source() : "default";
    }

    /**
     * Every setting once, in flag order, with where its value came from, the admin token masked:
     * {@code port=7880 (DISPATCHSIM_PORT) bind=127.0.0.1 (default) ... seed=42 (--seed) ...}.
     */
    public String describe(ProfileInfo loaded) {
        return Arrays.stream(StandaloneSetting.values())
                .map(setting -> setting.flag().substring(2) + "=" + shown(setting, loaded))
                .collect(Collectors.joining(" "));
    }

    private String shown(StandaloneSetting setting, ProfileInfo loaded) {
        if (setting == StandaloneSetting.SEED) {
            return effectiveSeed(loaded) + " (" + seedSource(loaded) + ")";
        }
        String source = sources.get(setting);
        if (source == null) {
            return "(none)"; // a setting that is off unless given: the profile, the admin token
        }
        String value = switch (setting) {
            case PORT -> String.valueOf(port);
            case BIND -> bind;
            case KEYS -> keys.keys().toString();
            case PROFILE -> profile;
            case CLOCK -> manualClock ? "manual" : "system";
            case AVAILABILITY_TIMEOUT -> DurationText.format(availabilityTimeout);
            case LISTING_LAG -> DurationText.format(listingLag);
            case AGENT_JOIN_DELAY -> DurationText.format(agentJoinDelay);
            case TARGET_LOAD -> String.valueOf(targetLoad);
            case ADMIN_TOKEN -> "(set)";
            case LOG_LEVEL -> logLevel;
            case SEED -> throw new IllegalStateException("the seed is shown above");
        };
        return value + " (" + source + ")";
    }

    /** Typed reads of the raw values; each error names the source the value came from. */
    private record Values(Map<StandaloneSetting, String> raw, Map<StandaloneSetting, String> sources) {

        int port() {
            String value = raw.get(StandaloneSetting.PORT);
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException notANumber) {
                // reported below with the valid range
            }
            throw bad(StandaloneSetting.PORT, "is not a port; valid: 0-65535 (0 = a random free port)");
        }

        ApiKeys keys() {
            try {
                return ApiKeys.parse(raw.get(StandaloneSetting.KEYS));
            } catch (IllegalArgumentException invalid) {
                throw new ConfigException(sources.get(StandaloneSetting.KEYS) + ": " + invalid.getMessage());
            }
        }

        long seed() {
            try {
                return Long.parseLong(raw.get(StandaloneSetting.SEED));
            } catch (NumberFormatException notANumber) {
                throw bad(StandaloneSetting.SEED, "is not a whole number (a 64-bit seed, e.g. 42)");
            }
        }

        Duration availabilityTimeout() {
            Duration timeout = duration(StandaloneSetting.AVAILABILITY_TIMEOUT);
            if (timeout.isZero()) {
                throw bad(StandaloneSetting.AVAILABILITY_TIMEOUT, "must be more than zero");
            }
            return timeout;
        }

        /** A duration in the one grammar (10s, 1.5s, 500ms, 0, PT2S); the error names the flag or env var. */
        Duration duration(StandaloneSetting setting) {
            try {
                return DurationText.parse(raw.get(setting), sources.get(setting));
            } catch (IllegalArgumentException invalid) {
                throw new ConfigException(invalid.getMessage());
            }
        }

        double targetLoad() {
            try {
                double load = Double.parseDouble(raw.get(StandaloneSetting.TARGET_LOAD));
                if (load > 0 && load <= 1) {
                    return load;
                }
            } catch (NumberFormatException notANumber) {
                // reported below with the valid range
            }
            throw bad(StandaloneSetting.TARGET_LOAD, "is not a load; valid: a number in (0, 1], e.g. 0.7");
        }

        String oneOf(StandaloneSetting setting, List<String> valid) {
            String value = raw.get(setting).toLowerCase(Locale.ROOT);
            if (!valid.contains(value)) {
                throw bad(setting, "is not valid; valid: " + String.join(", ", valid));
            }
            return value;
        }

        private ConfigException bad(StandaloneSetting setting, String problem) {
            return new ConfigException(sources.get(setting) + ": '" + raw.get(setting) + "' " + problem);
        }
    }
}
