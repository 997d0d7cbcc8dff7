package dev.dispatchsim.internal.transport;

import dev.dispatchsim.internal.twirp.TwirpResponse;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Where a fault profile can delay, fail, duplicate or stall a Twirp call before it is handled. */
@FunctionalInterface
interface TwirpFaultGate {

    CompletableFuture<TwirpResponse> apply(String httpMethod, String path, String contentType, byte[] body,
                                           Supplier<CompletableFuture<TwirpResponse>> call);

    TwirpFaultGate NONE = (httpMethod, path, contentType, body, call) -> call.get();
}
