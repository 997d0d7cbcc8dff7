package dev.dispatchsim.internal.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs a webhook body as livekit-server does: the {@code Authorization} header is a bare JWT (no
 * {@code Bearer}), HS256 with the secret of the webhook's API key, {@code iss} = that key, {@code nbf} =
 * now, {@code exp} = now + 5 minutes, and a {@code sha256} claim holding the standard (padded) base64 of
 * the SHA-256 of the exact body bytes. No identity and no grants. Receivers check it against their own
 * clock, so the caller passes wall time: this class never reads a clock.
 */
public final class WebhookSigner {

    /** How long livekit-server's webhook tokens are valid. */
    public static final Duration VALIDITY = Duration.ofMinutes(5);

    private final String apiKey;
    private final Algorithm algorithm;

    private WebhookSigner(String apiKey, String secret) {
        this.apiKey = apiKey;
        this.algorithm = Algorithm.HMAC256(secret);
    }

    /**
     * The signer for {@code apiKey}, which must be one of {@code keys} (as livekit-server requires of
     * {@code webhook.api_key}); null picks the first key.
     *
     * @throws IllegalArgumentException naming the key and the valid ones when it is not one of them
     */
    public static WebhookSigner of(ApiKeys keys, String apiKey) {
        String key = apiKey == null ? keys.keys().iterator().next() : apiKey;
        String secret = keys.secretFor(key).orElseThrow(() -> new IllegalArgumentException("webhook key '" + key
                + "' is not one of the simulator's API keys; valid: " + keys.keys()));
        return new WebhookSigner(key, secret);
    }

    public String apiKey() {
        return apiKey;
    }

    /** The {@code Authorization} header value for {@code body}, valid from {@code now} for {@link #VALIDITY}. */
    public String sign(byte[] body, Instant now) {
        Objects.requireNonNull(now, "now");
        return JWT.create()
                .withIssuer(apiKey)
                .withNotBefore(now)
                .withExpiresAt(now.plus(VALIDITY))
                .withClaim("sha256", sha256(body))
                .sign(algorithm);
    }

    /** Standard base64, padded, of the SHA-256 of {@code body}: what receivers compare with the claim. */
    public static String sha256(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[" + apiKey + "]"; // never the secret
    }
}
