package dev.dispatchsim.internal.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Mints the token the server puts in a JobAssignment, claim for claim as livekit-server does
 * (fact sheet §5.9), so an agent that inspects or uses its token sees what it would see in production.
 *
 * <p>The token is signed with the secret of the API key the worker connected with. The caller
 * passes the current time: this class never reads a clock.
 */
public final class AgentTokenMinter {

    /** Agent job tokens live one hour on the real server. */
    public static final Duration VALIDITY = Duration.ofHours(1);
    /** The attribute LiveKit adds so that apps can tell which agent a participant is. */
    public static final String AGENT_NAME_ATTRIBUTE = "lk.agent_name";

    private final ApiKeys keys;

    public AgentTokenMinter(ApiKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @throws IllegalArgumentException when {@code apiKey} is not one of the configured keys
     */
    public String mint(String apiKey, AgentTokenSpec spec, Instant now) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(now, "now");
        String secret = keys.secretFor(apiKey).orElseThrow(() -> new IllegalArgumentException(
                "cannot sign an agent token with unknown API key '" + apiKey + "'; known keys: " + keys.keys()));

        Map<String, String> attributes = new LinkedHashMap<>(spec.attributes());
        attributes.put(AGENT_NAME_ATTRIBUTE, spec.agentName());

        JWTCreator.Builder token = JWT.create()
                .withIssuer(apiKey)
                .withExpiresAt(now.plus(VALIDITY))
                .withNotBefore(now)
                .withIssuedAt(now)
                .withClaim("kind", "agent")
                .withClaim("video", videoGrant(spec))
                .withClaim("attributes", attributes);
        // Go omits empty strings (omitempty), so do we.
        if (!spec.identity().isEmpty()) {
            // The Go signer writes identity next to sub; verification itself only reads sub.
            token.withSubject(spec.identity()).withClaim("identity", spec.identity());
        }
        if (!spec.name().isEmpty()) {
            token.withClaim("name", spec.name());
        }
        if (!spec.metadata().isEmpty()) {
            token.withClaim("metadata", spec.metadata());
        }
        return token.sign(Algorithm.HMAC256(secret));
    }

    private static Map<String, Object> videoGrant(AgentTokenSpec spec) {
        AgentPermissions permissions = spec.permissions();
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("roomJoin", true);
        if (!spec.room().isEmpty()) {
            video.put("room", spec.room());
        }
        video.put("agent", true);
        // Explicit booleans, false included: the real server sets these as pointers.
        video.put("canPublish", permissions.canPublish());
        video.put("canSubscribe", permissions.canSubscribe());
        video.put("canPublishData", permissions.canPublishData());
        video.put("canUpdateOwnMetadata", permissions.canUpdateMetadata());
        video.put("canSubscribeMetrics", permissions.canSubscribeMetrics());
        if (permissions.hidden()) {
            video.put("hidden", true);
        }
        // canPublishSources is not copied, as on the real server.
        return video;
    }
}
