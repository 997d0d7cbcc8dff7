package dev.dispatchsim.transport;

import dev.dispatchsim.auth.AuthResult;
import dev.dispatchsim.twirp.TwirpResponse;
import dev.dispatchsim.twirp.TwirpRouter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.concurrent.CompletableFuture;

/** Mounts Twirp on Javalin: the body limit and auth middleware first (plain-text errors), then the router. */
final class TwirpRoutes {

    /** limit.max_api_request_body_size. */
    static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    private final TwirpRouter router;
    private final Authenticator authenticator;
    private final TwirpFaultGate gate;

    TwirpRoutes(TwirpRouter router, Authenticator authenticator, TwirpFaultGate gate) {
        this.router = router;
        this.authenticator = authenticator;
        this.gate = gate;
    }

    void mount(RoutesConfig routes) {
        String path = TwirpRouter.PREFIX + "*";
        routes.post(path, this::handle);
        routes.get(path, this::handle);
        routes.put(path, this::handle);
        routes.patch(path, this::handle);
        routes.delete(path, this::handle);
    }

    private void handle(Context ctx) {
        long length = ctx.contentLength();
        if (length > MAX_BODY_BYTES) {
            write(ctx, TwirpResponse.plain(413, "request body too large"));
            return;
        }
        AuthResult auth = authenticator.authenticate(ctx);
        if (auth instanceof AuthResult.Rejected rejected) {
            write(ctx, TwirpResponse.plain(401, rejected.plainTextMessage()));
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        String httpMethod = ctx.method().name();
        String path = ctx.path().replaceAll("/{2,}", "/");
        String contentType = ctx.header("Content-Type");
        // The call may run again after this request is over (a fault's duplicate): it uses only values read now.
        CompletableFuture<TwirpResponse> response = gate.apply(httpMethod, path, contentType, body,
                () -> router.handle(httpMethod, path, contentType, body, Authenticator.claimsOf(auth)));
        ctx.future(() -> response.thenAccept(r -> write(ctx, r)));
    }

    static void write(Context ctx, TwirpResponse response) {
        ctx.status(response.status());
        ctx.contentType(response.contentType());
        ctx.result(response.body());
    }
}
