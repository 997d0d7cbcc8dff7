package dev.dispatchsim.internal.auth;

import java.time.Instant;
import java.util.Map;

/**
 * What a verified access token says, in the terms the simulator needs.
 *
 * @param apiKey         the {@code iss} claim; the key whose secret signed the token
 * @param identity       {@code sub}, or {@code jti} when sub is empty (LiveKit's rule); "" when neither
 * @param kind           the lower-case participant kind ("agent", "standard", ...), "" when absent
 * @param roomConfigJson the {@code roomConfig} claim as JSON text, or null when absent. Kept as text
 *                       so this package stays free of proto classes; the service layer parses it
 *                       as a RoomConfiguration.
 * @param roomPreset     "" when absent
 * @param notBefore      null when the token has no {@code nbf} (the Java SDK sends none)
 */
public record Claims(
        String apiKey,
        String identity,
        String name,
        String kind,
        String metadata,
        Map<String, String> attributes,
        VideoGrant video,
        String roomConfigJson,
        String roomPreset,
        Instant expiresAt,
        Instant notBefore) {

    public Claims {
        apiKey = orEmpty(apiKey);
        identity = orEmpty(identity);
        name = orEmpty(name);
        kind = orEmpty(kind);
        metadata = orEmpty(metadata);
        roomPreset = orEmpty(roomPreset);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        video = video == null ? VideoGrant.NONE : video;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
