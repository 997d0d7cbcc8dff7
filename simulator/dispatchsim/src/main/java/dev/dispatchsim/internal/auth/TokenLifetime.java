package dev.dispatchsim.internal.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exp/nbf checks of livekit-server (golang-jwt v5 with a one-minute leeway and exp required),
 * worded like golang-jwt so the 401 text matches the real server's.
 *
 * <p>{@code iat} is deliberately not checked: LiveKit does not enable golang-jwt's issued-at check.
 */
final class TokenLifetime {

    /** LiveKit's leeway on exp and nbf (protocol auth/verifier.go: one minute). */
    static final Duration LEEWAY = Duration.ofMinutes(1);

    private TokenLifetime() {
    }

    /** Empty when the token is valid at {@code now}, else golang-jwt's "token has invalid claims: ..." text. */
    static Optional<String> problems(Instant expiresAt, Instant notBefore, Instant now) {
        List<String> problems = new ArrayList<>();
        if (expiresAt == null) {
            // Required since LiveKit protocol 5a20e57c: a token without exp would never expire.
            problems.add("token is missing required claim: exp claim is required");
        } else if (!now.isBefore(expiresAt.plus(LEEWAY))) {
            problems.add("token is expired");
        }
        if (notBefore != null && now.isBefore(notBefore.minus(LEEWAY))) {
            problems.add("token is not valid yet");
        }
        return problems.isEmpty()
                ? Optional.empty()
                : Optional.of("token has invalid claims: " + String.join(", ", problems));
    }
}
