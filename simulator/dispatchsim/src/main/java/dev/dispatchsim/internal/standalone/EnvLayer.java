package dev.dispatchsim.internal.standalone;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code DISPATCHSIM_*} environment as settings. It is given a map rather than reading
 * {@code System.getenv()} itself, so that tests stay hermetic; only {@link Main#main} passes the real env.
 */
public final class EnvLayer {

    private final Map<StandaloneSetting, String> values = new EnumMap<>(StandaloneSetting.class);
    private final List<String> unknown;

    private EnvLayer(Map<String, String> env) {
        Map<String, String> ours = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(StandaloneSetting.ENV_PREFIX)) {
                ours.put(name, value);
            }
        });
        ours.forEach((name, value) -> StandaloneSetting.byEnvName(name).ifPresent(s -> values.put(s, value)));
        this.unknown = ours.keySet().stream().filter(n -> StandaloneSetting.byEnvName(n).isEmpty()).toList();
    }

    public static EnvLayer of(Map<String, String> env) {
        return new EnvLayer(env);
    }

    public static EnvLayer empty() {
        return new EnvLayer(Map.of());
    }

    /** The value, or null when the variable is not set. An empty value counts as set (and is then validated). */
    public String get(StandaloneSetting setting) {
        return values.get(setting);
    }

    /** {@code DISPATCHSIM_*} variables that name no setting: most likely typos, reported at start. */
    public List<String> unknownNames() {
        return unknown;
    }
}
