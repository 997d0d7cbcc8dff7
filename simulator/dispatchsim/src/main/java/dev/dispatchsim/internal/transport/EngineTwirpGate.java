package dev.dispatchsim.internal.transport;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.dispatchsim.internal.engine.TransportFaults.Verdict;
import dev.dispatchsim.internal.engine.TransportFaults;
import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.twirp.TwirpMethod;
import dev.dispatchsim.internal.twirp.TwirpResponse;
import dev.dispatchsim.internal.twirp.TwirpRouter;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import dev.dispatchsim.model.ErrorCode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Applies the {@code twirp_request} hook: asks the engine's fault rules about the call (with the room,
 * agent and metadata the request names), then serves, fails, duplicates or stalls it, and journals
 * the outcome of every call that reached a known method.
 */
final class EngineTwirpGate implements TwirpFaultGate {

    private final TwirpRouter router;
    private final TransportFaults faults;

    EngineTwirpGate(TwirpRouter router, TransportFaults faults) {
        this.router = router;
        this.faults = faults;
    }

    @Override
    public CompletableFuture<TwirpResponse> apply(String httpMethod, String path, Message request,
                                                  Supplier<CompletableFuture<TwirpResponse>> call) {
        TwirpMethod<?, ?> method = router.lookup(path);
        if (method == null || !"POST".equals(httpMethod)) {
            return call.get();
        }
        String room = field(request, "room", "name");
        String agent = agentName(request);
        // The call is served on the engine thread and journaled as soon as it completes there: the
        // TwirpCall line then sits right after the call's own events, the same way in every run.
        return faults.twirpRequest(method.service(), method.method(), room, agent, field(request, "metadata"))
                .thenComposeAsync(verdict -> serve(verdict, call).whenComplete((response, failure) -> {
                    if (response != null) {
                        faults.journalTwirpCall(new TwirpCall(method.service(), method.method(), room == null ? "" : room,
                                ids(request, agent), response.status(), response.code(), response.errorMessage()));
                    }
                }), faults.engineThread());
    }

    private CompletableFuture<TwirpResponse> serve(Verdict verdict, Supplier<CompletableFuture<TwirpResponse>> call) {
        if (verdict instanceof Verdict.Fail fail) {
            return CompletableFuture.completedFuture(failure(fail.failure()));
        }
        if (verdict instanceof Verdict.Proceed proceed) {
            CompletableFuture<TwirpResponse> first = call.get();
            for (Duration offset : proceed.duplicates()) {
                faults.schedule(offset, call::get);
            }
            return first;
        }
        return new CompletableFuture<>(); // stall: never answered; the client's own timeout ends it
    }

    private static TwirpResponse failure(FaultEffect.Fail.Failure failure) {
        if (failure instanceof FaultEffect.Fail.Twirp twirp) {
            return TwirpResponse.error(twirp.code(), twirp.message(), Map.of());
        }
        if (failure instanceof FaultEffect.Fail.HttpStatus http) {
            return TwirpResponse.plain(http.status(), http.body());
        }
        return TwirpResponse.error(ErrorCode.INTERNAL, "fault profile asked for " + failure.keyName() + " on a Twirp call", Map.of());
    }

    private static String field(Message request, String... names) {
        if (request == null) {
            return null;
        }
        for (String name : names) {
            FieldDescriptor field = request.getDescriptorForType().findFieldByName(name);
            if (field != null && field.getType() == FieldDescriptor.Type.STRING && !field.isRepeated()) {
                return (String) request.getField(field);
            }
        }
        return null;
    }

    /** What else the request names, so a journaled call says what it was about: agent, dispatch, identity. */
    private static Map<String, String> ids(Message request, String agent) {
        Map<String, String> ids = new LinkedHashMap<>();
        putIfNamed(ids, "agent", agent);
        putIfNamed(ids, "dispatch", field(request, "dispatch_id"));
        putIfNamed(ids, "identity", field(request, "identity"));
        return ids;
    }

    private static void putIfNamed(Map<String, String> ids, String key, String value) {
        if (value != null && !value.isEmpty()) {
            ids.put(key, value);
        }
    }

    /** CreateDispatch names the agent; CreateRoom names it in its first {@code agents} entry. */
    private static String agentName(Message request) {
        String direct = field(request, "agent_name");
        if (direct != null || request == null) {
            return direct;
        }
        FieldDescriptor agents = request.getDescriptorForType().findFieldByName("agents");
        if (agents != null && agents.isRepeated() && request.getRepeatedFieldCount(agents) > 0) {
            return field((Message) request.getRepeatedField(agents, 0), "agent_name");
        }
        return null;
    }
}
