package dev.dispatchsim.internal.twirp;

import com.google.protobuf.Message;
import dev.dispatchsim.internal.auth.Claims;

import java.util.concurrent.CompletableFuture;

/**
 * One RPC: its request prototype (for decoding) and its handler. {@code claims} is null when the
 * call carried no token; the handler's grant check then fails as on the real server.
 */
public record TwirpMethod<Q extends Message, R extends Message>(String service, String method, Q prototype,
                                                                Handler<Q, R> handler) {

    @FunctionalInterface
    public interface Handler<Q, R> {
        CompletableFuture<R> handle(Q request, Claims claims);
    }

    public String path() {
        return service + "/" + method;
    }

    CompletableFuture<? extends Message> invoke(Message request, Claims claims) {
        return handler.handle(castRequest(request), claims);
    }

    @SuppressWarnings("unchecked")
    private Q castRequest(Message request) {
        return (Q) request;
    }
}
