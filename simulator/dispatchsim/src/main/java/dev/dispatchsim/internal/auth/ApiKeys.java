package dev.dispatchsim.internal.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API key → secret pairs the simulator accepts, like livekit-server's {@code keys:} map.
 *
 * <p>Immutable, so one instance can be shared by the verifier, the agent-token minter and every
 * transport thread without locking. {@link #toString()} never shows a secret, so the effective
 * configuration can be logged as is.
 */
public final class ApiKeys {

    private static final String FORMAT = "expected 'key:secret' entries separated by commas, "
            + "e.g. 'devkey:secret,otherkey:othersecret'";

    private final Map<String, String> secretsByKey;

    private ApiKeys(Map<String, String> secretsByKey) {
        this.secretsByKey = Collections.unmodifiableMap(new LinkedHashMap<>(secretsByKey));
    }

    /** What {@code livekit-server --dev} uses when no keys are configured: devkey / secret. */
    public static ApiKeys defaults() {
        return new ApiKeys(Map.of("devkey", "secret"));
    }

    /** One key, e.g. for a test that wants its own credentials. */
    public static ApiKeys of(String key, String secret) {
        if (key == null || key.isBlank() || secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("an API key and its secret must both be non-empty");
        }
        return new ApiKeys(Map.of(key, secret));
    }

    /** Several keys, in order (the first is the one a simulator hands out); each key and secret non-empty. */
    public static ApiKeys of(Map<String, String> secretsByKey) {
        if (secretsByKey.isEmpty()) {
            throw new IllegalArgumentException("no API keys given; give at least one key and its secret");
        }
        secretsByKey.forEach((key, secret) -> of(key, secret));
        return new ApiKeys(secretsByKey);
    }

    /**
     * Parses {@code "key:secret,key2:secret2"} (the form of a CLI flag or env var). Blanks around
     * keys and secrets are trimmed because livekit-server's own flag reads {@code "key: secret"}.
     *
     * @throws IllegalArgumentException naming the bad entry by position (and key, never the secret)
     */
    public static ApiKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no API keys given; " + FORMAT);
        }
        String[] entries = spec.split(",", -1);
        Map<String, String> parsed = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw bad(i, entries.length, "'" + entry.trim() + "' has no ':' between key and secret");
            }
            String key = entry.substring(0, colon).trim();
            String secret = entry.substring(colon + 1).trim();
            if (key.isEmpty()) {
                throw bad(i, entries.length, "the key is empty");
            }
            if (secret.isEmpty()) {
                throw bad(i, entries.length, "the secret of key '" + key + "' is empty");
            }
            if (parsed.putIfAbsent(key, secret) != null) {
                throw bad(i, entries.length, "key '" + key + "' is given twice");
            }
        }
        return new ApiKeys(parsed);
    }

    private static IllegalArgumentException bad(int index, int count, String why) {
        return new IllegalArgumentException(
                "bad API key entry " + (index + 1) + " of " + count + ": " + why + "; " + FORMAT);
    }

    /** The secret for {@code key}, empty when the key is unknown (the server then says "invalid API key"). */
    public Optional<String> secretFor(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(secretsByKey.get(key));
    }

    public Set<String> keys() {
        return secretsByKey.keySet();
    }

    /** Key to secret, in order. */
    public Map<String, String> asMap() {
        return secretsByKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeys that && secretsByKey.equals(that.secretsByKey);
    }

    @Override
    public int hashCode() {
        return secretsByKey.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKeys" + secretsByKey.keySet();
    }
}
