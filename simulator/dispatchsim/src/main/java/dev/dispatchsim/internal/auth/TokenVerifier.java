package dev.dispatchsim.internal.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * livekit-server's auth middleware: finds the token, checks it, and answers with the same
 * plain-text messages the real server sends, in the same order of checks (so a token with two
 * problems gets the message the real server would give).
 *
 * <p>Accepts what real SDKs send: the Node SDK's header {@code {"alg":"HS256"}} with nbf, the Java
 * SDK's {@code typ: JWT} with no nbf and an empty {@code sip} claim. Only HS256 is allowed. Time
 * comes from the supplier, never from the wall clock, so the simulator's clock decides expiry.
 */
public final class TokenVerifier {

    static final String BEARER = "Bearer ";
    static final String BAD_HEADER = "invalid authorization header. Must start with Bearer ";
    static final String BAD_TOKEN = "invalid authorization token";
    static final String BAD_KEY = "invalid API key";

    /** Signing methods golang-jwt knows; any other alg fails parsing before the key lookup. */
    private static final Set<String> KNOWN_ALGORITHMS = Set.of("HS256", "HS384", "HS512", "RS256",
            "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA", "none");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One decoder for all calls: the static {@code JWT.decode} builds a new JSON parser (and mapper) per token. */
    private static final JWT DECODER = new JWT();

    private final ApiKeys keys;
    private final Supplier<Instant> now;
    private final VerifiedTokens verified = new VerifiedTokens();

    public TokenVerifier(ApiKeys keys, Supplier<Instant> now) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.now = Objects.requireNonNull(now, "now");
    }

    /**
     * @param authorizationHeader the Authorization header, or null when absent
     * @param accessTokenParam    the {@code access_token} query/form parameter, or null; only used
     *                            when the header is absent or empty (as in the real server)
     */
    public AuthResult verify(String authorizationHeader, String accessTokenParam) {
        String token;
        if (authorizationHeader != null && !authorizationHeader.isEmpty()) {
            // Case-sensitive like the real server: "bearer x" is refused.
            if (!authorizationHeader.startsWith(BEARER)) {
                return new AuthResult.Rejected(BAD_HEADER);
            }
            token = authorizationHeader.substring(BEARER.length());
        } else {
            token = accessTokenParam;
        }
        // "Bearer " with nothing after it counts as no token, not as a bad one.
        return token == null || token.isEmpty() ? new AuthResult.NoToken() : verifyToken(token);
    }

    private AuthResult verifyToken(String token) {
        Claims known = verified.get(token);
        if (known != null) {
            // signature and claims were checked with these keys; only the lifetime depends on the clock
            return withinLifetime(known);
        }
        // 1. Parse without verifying (golang-jwt ParseUnverified into the registered claims).
        DecodedJWT jwt;
        JsonNode payload;
        try {
            jwt = DECODER.decodeJwt(token);
            payload = JSON.readTree(Base64.getUrlDecoder().decode(jwt.getPayload()));
        } catch (JWTDecodeException | IOException | IllegalArgumentException e) {
            return new AuthResult.Rejected(BAD_TOKEN);
        }
        String algorithm = jwt.getAlgorithm();
        if (algorithm == null || !KNOWN_ALGORITHMS.contains(algorithm)
                || !ClaimsParser.registeredClaimsWellTyped(payload)) {
            return new AuthResult.Rejected(BAD_TOKEN);
        }
        // 2. The secret is looked up by iss.
        Optional<String> secret = keys.secretFor(jwt.getIssuer());
        if (secret.isEmpty()) {
            return new AuthResult.Rejected(BAD_KEY);
        }
        // 3. Full verification, in golang-jwt's order: claim types, method, signature, lifetime.
        Claims claims;
        try {
            claims = ClaimsParser.parse(payload, jwt.getExpiresAtAsInstant(), jwt.getNotBeforeAsInstant());
        } catch (ClaimsParser.BadClaim e) {
            return invalid("token is malformed: could not JSON decode claim: " + e.getMessage());
        }
        if (!"HS256".equals(algorithm)) {
            return invalid("token signature is invalid: signing method " + algorithm + " is invalid");
        }
        try {
            Algorithm.HMAC256(secret.get()).verify(jwt);
        } catch (SignatureVerificationException e) {
            return invalid("token signature is invalid: signature is invalid");
        }
        verified.put(token, claims);
        return withinLifetime(claims);
    }

    private AuthResult withinLifetime(Claims claims) {
        Optional<String> lifetimeProblem =
                TokenLifetime.problems(claims.expiresAt(), claims.notBefore(), now.get());
        return lifetimeProblem.isPresent()
                ? invalid(lifetimeProblem.get())
                : new AuthResult.Authenticated(claims);
    }

    /** How many verified tokens are remembered (bounded; see {@link VerifiedTokens}). */
    int rememberedTokens() {
        return verified.size();
    }

    private static AuthResult invalid(String reason) {
        return new AuthResult.Rejected(BAD_TOKEN + ": " + reason);
    }

    @Override
    public String toString() {
        return "TokenVerifier" + keys.keys();
    }
}
