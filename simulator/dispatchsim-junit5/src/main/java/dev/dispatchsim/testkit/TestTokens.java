package dev.dispatchsim.testkit;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Tokens shaped exactly like the real clients' (see the captures): the Node SDK's (no {@code typ},
 * with {@code nbf}, 10 min) and the Java SDK's ({@code typ: JWT}, no {@code nbf}, {@code sip: {}}, 6 h).
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String nodeStyle(String key, String secret, Map<String, Object> video, Instant now) {
        return JWT.create()
                .withHeader(Map.of("alg", "HS256"))
                .withClaim("video", video)
                .withIssuer(key)
                .withExpiresAt(now.plus(Duration.ofMinutes(10)))
                .withNotBefore(now)
                .sign(Algorithm.HMAC256(secret));
    }

    public static String javaStyle(String key, String secret, Map<String, Object> video, Instant now) {
        return JWT.create()
                .withHeader(Map.of("alg", "HS256", "typ", "JWT"))
                .withIssuer(key)
                .withExpiresAt(now.plus(Duration.ofHours(6)))
                .withClaim("video", video)
                .withClaim("sip", Map.of())
                .sign(Algorithm.HMAC256(secret));
    }

    /** What agent workers send on the /agent upgrade: {@code video.agent = true}. */
    public static String agent(String key, String secret, Instant now) {
        return JWT.create()
                .withHeader(Map.of("alg", "HS256"))
                .withClaim("video", Map.of("agent", true))
                .withIssuer(key)
                .withExpiresAt(now.plus(Duration.ofHours(6)))
                .withNotBefore(now)
                .sign(Algorithm.HMAC256(secret));
    }
}
