package dev.dispatchsim.internal.twirp;

import com.google.protobuf.Message;
import dev.dispatchsim.internal.auth.Claims;
import dev.dispatchsim.internal.auth.PermissionDenied;
import dev.dispatchsim.internal.model.ApiException;
import dev.dispatchsim.model.ErrorCode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Twirp routing and error mapping, transport-free: (HTTP method, path, Content-Type, body, claims)
 * → response. Every bad input becomes the real server's Twirp error, never a 500 or a hang.
 */
public final class TwirpRouter {

    public static final String PREFIX = "/twirp/";

    private final Map<String, TwirpMethod<?, ?>> methods = new LinkedHashMap<>();

    public TwirpRouter add(TwirpMethod<?, ?> method) {
        methods.put(method.path(), method);
        return this;
    }

    public TwirpRouter addAll(Collection<TwirpMethod<?, ?>> all) {
        all.forEach(this::add);
        return this;
    }

    /** The method a path names, or null: used to decide fault rules before the call is handled. */
    public TwirpMethod<?, ?> lookup(String path) {
        return path.startsWith(PREFIX) ? methods.get(path.substring(PREFIX.length())) : null;
    }

    /**
     * @param body the request body, or null when it could not be read in full (it went over the body
     *             limit without a Content-Length saying so): the real server's decoder then fails
     */
    public CompletableFuture<TwirpResponse> handle(String httpMethod, String path, String contentType, byte[] body,
                                                   Claims claims) {
        return prepare(httpMethod, path, contentType, body, claims).call().get();
    }

    /**
     * A call routed and decoded, not yet handled: the transport prepares it on its own thread, so the
     * engine thread only runs the handler. {@code request} is null when the call never reaches one.
     */
    public record Prepared(Message request, Supplier<CompletableFuture<TwirpResponse>> call) {
    }

    /** Routes and decodes on the calling thread; every bad input is already its Twirp error here. */
    public Prepared prepare(String httpMethod, String path, String contentType, byte[] body, Claims claims) {
        Map<String, String> route = Map.of("twirp_invalid_route", httpMethod + " " + path);
        if (!"POST".equals(httpMethod)) {
            return done(badRoute("unsupported method " + GoQuote.quote(httpMethod) + " (only POST is allowed)", route));
        }
        TwirpMethod<?, ?> method = lookup(path);
        if (method == null) {
            return done(badRoute("no handler for path " + GoQuote.quote(path), route));
        }
        WireFormat format = WireFormat.of(contentType);
        if (format == null) {
            return done(badRoute("unexpected Content-Type: " + GoQuote.quote(contentType == null ? "" : contentType), route));
        }
        if (body == null) {
            return done(TwirpResponse.error(ErrorCode.MALFORMED, format == WireFormat.PROTOBUF
                    ? "failed to read request body" : "the json request could not be decoded", Map.of()));
        }
        Message request;
        try {
            request = TwirpCodec.decode(body, format, method.prototype());
        } catch (RuntimeException failure) {
            return done(toError(failure));
        }
        // The answer stays a message here: it is encoded by the thread that writes it (TwirpResponse.body()).
        return new Prepared(request, () -> {
            try {
                return method.invoke(request, claims)
                        .<TwirpResponse>thenApply(response -> TwirpResponse.ok(response, format))
                        .exceptionally(TwirpRouter::toError);
            } catch (RuntimeException failure) {
                return CompletableFuture.completedFuture(toError(failure));
            }
        });
    }

    /** Maps any failure to a Twirp error; an unexpected exception is an internal error, never a stack trace. */
    public static TwirpResponse toError(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ApiException api) {
            return TwirpResponse.error(api);
        }
        if (cause instanceof PermissionDenied) {
            // The real server wraps every grant failure as unauthenticated, not permission_denied.
            return TwirpResponse.error(ErrorCode.UNAUTHENTICATED, PermissionDenied.MESSAGE, Map.of());
        }
        return TwirpResponse.error(ErrorCode.INTERNAL, "internal error: " + cause, Map.of());
    }

    private static TwirpResponse badRoute(String msg, Map<String, String> meta) {
        return TwirpResponse.error(ErrorCode.BAD_ROUTE, msg, meta);
    }

    private static Prepared done(TwirpResponse response) {
        return new Prepared(null, () -> CompletableFuture.completedFuture(response));
    }
}
