package dev.dispatchsim.internal.transport;

import dev.dispatchsim.internal.auth.AuthResult;
import dev.dispatchsim.internal.twirp.TwirpResponse;
import dev.dispatchsim.internal.twirp.TwirpRouter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Mounts Twirp on Javalin in livekit-server's middleware order: CORS (see {@link Cors}), a leading
 * {@code //} collapsed, the auth middleware (plain-text errors), then the router, which answers every
 * method so that a wrong one gets Twirp's bad_route. The 10 MiB body limit is a limited reader, as on
 * the real server: a longer body fails to decode, 400 {@code malformed}, never a 413.
 */
final class TwirpRoutes {

    /** limit.max_api_request_body_size. */
    static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** Bodies declared larger than this are not read away before the answer; the connection just closes. */
    private static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;
    /**
     * How long a request thread waits for the engine's answer before handing the call to the async path.
     * Real time on purpose: it decides only which thread writes the answer, never what the answer is.
     */
    static final Duration PROMPT_ANSWER = Duration.ofMillis(50);

    private final TwirpRouter router;
    private final Authenticator authenticator;
    private final TwirpFaultGate gate;
    private final Executor transport;

    TwirpRoutes(TwirpRouter router, Authenticator authenticator, TwirpFaultGate gate, Executor transport) {
        this.router = router;
        this.authenticator = authenticator;
        this.gate = gate;
        this.transport = transport;
    }

    void mount(RoutesConfig routes) {
        String path = TwirpRouter.PREFIX + "*";
        routes.post(path, this::handle);
        routes.get(path, this::handle);
        routes.put(path, this::handle);
        routes.patch(path, this::handle);
        routes.delete(path, this::handle);
        routes.head(path, this::handle);
        routes.options(path, this::handle); // a preflight never gets here: Cors answers it first
    }

    private void handle(Context ctx) throws IOException {
        byte[] body = readBody(ctx);
        AuthResult auth = authenticator.authenticate(ctx);
        if (auth instanceof AuthResult.Rejected rejected) {
            write(ctx, TwirpResponse.plain(401, rejected.plainTextMessage()));
            return;
        }
        String httpMethod = ctx.method().name();
        String path = collapseLeadingSlashes(ctx.path());
        String contentType = ctx.header("Content-Type");
        // Decoded here, on Jetty's thread; the engine thread only runs the handler. The call may run again
        // after this request is over (a fault's duplicate): it uses only values read now.
        TwirpRouter.Prepared call = router.prepare(httpMethod, path, contentType, body, Authenticator.claimsOf(auth));
        CompletableFuture<TwirpResponse> response = gate.apply(httpMethod, path, call.request(), call.call());
        // The answer is encoded and written on a transport thread, never on the engine thread that completed it.
        TwirpResponse prompt = answeredWithin(response, PROMPT_ANSWER);
        if (prompt != null) {
            // Most calls are answered by the engine in well under a millisecond: this thread writes the answer
            // itself, sparing the servlet's async dispatch and a second thread hand-off (a JFR profile of
            // CreateRoom put them at a tenth of the request threads' time).
            write(ctx, prompt);
            return;
        }
        // Held by a fault's delay or stall, or the engine is busy: the thread goes back to the pool.
        ctx.future(() -> response.thenAcceptAsync(r -> write(ctx, r), transport));
    }

    /** The answer if it comes within {@code wait}; null when it does not, or when the call failed (the async path reports that). */
    static TwirpResponse answeredWithin(CompletableFuture<TwirpResponse> response, Duration wait) {
        try {
            return response.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException notNow) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The body, or null when it is over the limit: the real server's limited reader then fails the decoding
     * (measured on livekit-server 1.13.5: an 11 MiB JSON body is 400 malformed). A body declared too long is
     * read away first (up to a bound): answering while the client is still sending makes the server close
     * the connection under it, and the client may then see a reset instead of the answer.
     */
    private static byte[] readBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            if (declared <= MAX_DRAINED_BYTES) {
                try {
                    ctx.req().getInputStream().skipNBytes(declared);
                } catch (EOFException shorterThanDeclared) {
                    // the body ended early: it is still too long to serve, and nothing is left to read
                }
            }
            return null;
        }
        return readAtMost(ctx.req().getInputStream(), MAX_BODY_BYTES);
    }

    /** livekit-server's RemoveDoubleSlashes: a path starting with {@code //} loses one slash; nothing else changes. */
    static String collapseLeadingSlashes(String path) {
        return path.startsWith("//") ? path.substring(1) : path;
    }

    /**
     * The body, or null when it is longer than {@code max}: a body without (or with a lying)
     * Content-Length is cut off like Go's MaxBytesReader, and the decoder then fails.
     */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] body = in.readNBytes((int) max + 1);
        return body.length > max ? null : body;
    }

    static void write(Context ctx, TwirpResponse response) {
        ctx.status(response.status());
        ctx.result(response.body());
        ExactContentType.set(ctx, response.contentType());
    }
}
