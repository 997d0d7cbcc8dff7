package dev.dispatchsim.internal.transport;

import dev.dispatchsim.internal.auth.AuthResult;
import dev.dispatchsim.internal.auth.Claims;
import dev.dispatchsim.internal.auth.TokenVerifier;
import io.javalin.http.Context;

/** The auth middleware: Bearer header, else the access_token parameter; rejections are plain-text 401s. */
final class Authenticator {

    private final TokenVerifier verifier;

    Authenticator(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** The claims (null = no token), or null after writing the plain-text 401 for a bad token. */
    AuthResult authenticate(Context ctx) {
        return verifier.verify(ctx.header("Authorization"), ctx.queryParam("access_token"));
    }

    static Claims claimsOf(AuthResult result) {
        return result instanceof AuthResult.Authenticated authenticated ? authenticated.claims() : null;
    }
}
