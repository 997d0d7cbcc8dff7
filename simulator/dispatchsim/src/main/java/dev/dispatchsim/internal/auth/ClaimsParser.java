package dev.dispatchsim.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads LiveKit's claims out of a token's decoded JSON payload.
 *
 * <p>Types are checked the way Go's encoding/json checks them in the real server (a wrong type is a
 * malformed token, JSON null is the same as absent), so a token the real server refuses is refused
 * here too. Unknown claims ({@code sip}, {@code agent}, ...) are ignored like there.
 */
final class ClaimsParser {

    /** A claim of the wrong JSON type; the message names it. */
    static final class BadClaim extends Exception {
        BadClaim(String message) {
            super(message, null, false, false);
        }
    }

    private static final String TOP = "";
    private static final String VIDEO = "video.";

    private ClaimsParser() {
    }

    /**
     * The registered claims iss/sub/jti must be strings. In the real server they are decoded first,
     * before the key lookup, which is why their failure is the bare "invalid authorization token".
     */
    static boolean registeredClaimsWellTyped(JsonNode payload) {
        return payload.isObject() && isStringOrAbsent(payload.get("iss"))
                && isStringOrAbsent(payload.get("sub")) && isStringOrAbsent(payload.get("jti"));
    }

    static Claims parse(JsonNode payload, Instant expiresAt, Instant notBefore) throws BadClaim {
        String subject = string(payload, TOP, "sub");
        String identity = subject == null || subject.isEmpty() ? string(payload, TOP, "jti") : subject;
        JsonNode roomConfig = payload.get("roomConfig");
        if (roomConfig != null && !roomConfig.isNull() && !roomConfig.isObject()) {
            throw wrongType("roomConfig", "an object", roomConfig);
        }
        return new Claims(
                string(payload, TOP, "iss"),
                identity,
                string(payload, TOP, "name"),
                string(payload, TOP, "kind"),
                string(payload, TOP, "metadata"),
                stringMap(payload, TOP, "attributes"),
                video(payload.get("video")),
                roomConfig == null || roomConfig.isNull() ? null : roomConfig.toString(),
                string(payload, TOP, "roomPreset"),
                expiresAt,
                notBefore);
    }

    private static VideoGrant video(JsonNode video) throws BadClaim {
        if (video == null || video.isNull()) {
            return VideoGrant.NONE;
        }
        if (!video.isObject()) {
            throw wrongType("video", "an object", video);
        }
        return new VideoGrant(
                flag(video, VIDEO, "roomCreate"),
                flag(video, VIDEO, "roomList"),
                flag(video, VIDEO, "roomRecord"),
                flag(video, VIDEO, "roomAdmin"),
                flag(video, VIDEO, "roomJoin"),
                string(video, VIDEO, "room"),
                bool(video, VIDEO, "canPublish"),
                bool(video, VIDEO, "canSubscribe"),
                bool(video, VIDEO, "canPublishData"),
                stringList(video, VIDEO, "canPublishSources"),
                bool(video, VIDEO, "canUpdateOwnMetadata"),
                flag(video, VIDEO, "ingressAdmin"),
                flag(video, VIDEO, "hidden"),
                flag(video, VIDEO, "recorder"),
                flag(video, VIDEO, "agent"),
                bool(video, VIDEO, "canSubscribeMetrics"),
                bool(video, VIDEO, "canManageAgentSession"),
                string(video, VIDEO, "destinationRoom"));
    }

    private static boolean isStringOrAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isTextual();
    }

    private static String string(JsonNode parent, String prefix, String field) throws BadClaim {
        JsonNode node = parent.get(field);
        if (!isStringOrAbsent(node)) {
            throw wrongType(prefix + field, "a string", node);
        }
        return node == null || node.isNull() ? null : node.textValue();
    }

    private static Boolean bool(JsonNode parent, String prefix, String field) throws BadClaim {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(prefix + field, "a boolean", node);
        }
        return node.booleanValue();
    }

    private static boolean flag(JsonNode parent, String prefix, String field) throws BadClaim {
        return Boolean.TRUE.equals(bool(parent, prefix, field));
    }

    private static List<String> stringList(JsonNode parent, String prefix, String field) throws BadClaim {
        JsonNode node = parent.get(field);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw wrongType(prefix + field, "an array of strings", node);
        }
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw wrongType(prefix + field, "an array of strings", node);
            }
            values.add(element.textValue());
        }
        return values;
    }

    private static Map<String, String> stringMap(JsonNode parent, String prefix, String field) throws BadClaim {
        JsonNode node = parent.get(field);
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw wrongType(prefix + field, "an object of strings", node);
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!isStringOrAbsent(value)) {
                throw wrongType(prefix + field + "." + entry.getKey(), "a string", value);
            }
            values.put(entry.getKey(), value.isNull() ? "" : value.textValue());
        }
        return values;
    }

    private static BadClaim wrongType(String field, String expected, JsonNode actual) {
        return new BadClaim("claim '" + field + "' must be " + expected + ", got "
                + actual.getNodeType().name().toLowerCase(Locale.ROOT));
    }
}
