package dev.dispatchsim.internal.transport;

import com.google.protobuf.Message;
import dev.dispatchsim.internal.twirp.TwirpResponse;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Where a fault profile can delay, fail, duplicate or stall a Twirp call before it is handled. */
@FunctionalInterface
interface TwirpFaultGate {

    /** @param request the decoded request (for the rules' selectors), or null when it did not decode */
    CompletableFuture<TwirpResponse> apply(String httpMethod, String path, Message request,
                                           Supplier<CompletableFuture<TwirpResponse>> call);

    TwirpFaultGate NONE = (httpMethod, path, request, call) -> call.get();
}
