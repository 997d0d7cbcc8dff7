package dev.dispatchsim.internal.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mints an access token the way {@code lk token create} does, for a client such as curl: HS256, issuer the
 * API key, {@code video} grants by LiveKit's JSON names. The caller passes the time: this class reads no clock.
 */
public final class AccessTokens {

    /** The boolean grants of the {@code video} claim, by their JSON names. */
    public static final List<String> GRANTS = List.of("roomCreate", "roomList", "roomRecord", "roomAdmin", "roomJoin",
            "ingressAdmin", "hidden", "recorder", "agent", "canPublish", "canSubscribe", "canPublishData",
            "canUpdateOwnMetadata", "canSubscribeMetrics", "canManageAgentSession");
    public static final Duration DEFAULT_TTL = Duration.ofHours(6);

    private AccessTokens() {
    }

    /**
     * @throws IllegalArgumentException for an unknown grant (listing the valid ones), a grant that needs a room
     *                                  without one, or a ttl that is not positive
     */
    public static String mint(String apiKey, String secret, String room, List<String> grants, String identity,
                              Duration ttl, Instant now) {
        Duration validity = ttl == null ? DEFAULT_TTL : ttl;
        if (validity.isZero() || validity.isNegative()) {
            throw new IllegalArgumentException("ttl must be more than zero, was " + validity);
        }
        Map<String, Object> video = new LinkedHashMap<>();
        for (String grant : grants) {
            if (!GRANTS.contains(grant)) {
                throw new IllegalArgumentException("unknown grant '" + grant + "'; valid: " + String.join(", ", GRANTS));
            }
            video.put(grant, true);
        }
        if ((video.containsKey("roomAdmin") || video.containsKey("roomJoin")) && (room == null || room.isEmpty())) {
            throw new IllegalArgumentException("grants roomAdmin and roomJoin are for one room: give the room");
        }
        if (room != null && !room.isEmpty()) {
            video.put("room", room);
        }
        JWTCreator.Builder token = JWT.create()
                .withHeader(Map.of("alg", "HS256", "typ", "JWT"))
                .withIssuer(apiKey)
                .withNotBefore(now)
                .withExpiresAt(now.plus(validity))
                .withClaim("video", video);
        if (identity != null && !identity.isEmpty()) {
            token.withSubject(identity);
        }
        return token.sign(Algorithm.HMAC256(secret));
    }
}
