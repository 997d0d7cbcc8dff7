package dev.dispatchsim.internal.auth;



/**
 * The outcome of the auth middleware for one request, before any handler runs.
 *
 * <p>Three cases because the real server has three: no token at all is not an error yet (the
 * handler's grant check then answers "permissions denied"), a bad token is rejected right away with
 * a plain-text 401, and a good token yields claims.
 */
public sealed interface AuthResult {

    /** Neither an Authorization header nor an access_token parameter was given. */
    record NoToken() implements AuthResult {
    }

    record Authenticated(Claims claims) implements AuthResult {
    }

    /**
     * The middleware refuses the request: HTTP 401 with {@code plainTextMessage} as a plain-text body
     * (not Twirp JSON), exactly as livekit-server words it.
     */
    record Rejected(String plainTextMessage) implements AuthResult {
    }

    /**
     * The claims for the grant checks: null when there is no token (which every check denies).
     * Also null for {@link Rejected}, which callers answer before any grant check.
     */
    default Claims claimsOrNull() {
        return this instanceof Authenticated authenticated ? authenticated.claims() : null;
    }
}
