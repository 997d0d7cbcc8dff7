package dev.dispatchsim.internal.fault;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.dispatchsim.internal.fault.HookPoint.AGENT_JOIN;
import static dev.dispatchsim.internal.fault.HookPoint.AVAILABILITY_REQUEST;
import static dev.dispatchsim.internal.fault.HookPoint.AVAILABILITY_RESPONSE;
import static dev.dispatchsim.internal.fault.HookPoint.DISPATCH_CREATED;
import static dev.dispatchsim.internal.fault.HookPoint.JOB_ASSIGNMENT;
import static dev.dispatchsim.internal.fault.HookPoint.JOB_STATUS_REPORT;
import static dev.dispatchsim.internal.fault.HookPoint.JOB_TERMINATION;
import static dev.dispatchsim.internal.fault.HookPoint.TWIRP_REQUEST;
import static dev.dispatchsim.internal.fault.HookPoint.WEBHOOK;
import static dev.dispatchsim.internal.fault.HookPoint.WORKER_CONNECT;
import static dev.dispatchsim.internal.fault.HookPoint.WORKER_FRAME;
import static dev.dispatchsim.internal.fault.HookPoint.WORKER_REGISTER;

/**
 * Which selectors ({@code match:} keys) each hook point can answer: the fields the engine fills into the
 * context there. A selector on a field the hook never knows would never match, so the loader refuses it
 * instead of loading a rule that silently never fires. One entry per hook: a new hook point is one line here.
 * Listed in the order of fault-profiles/README.md's selector table, which error messages use.
 */
public final class HookSelectors {

    private static final List<String> DISPATCH = List.of("agent", "room", "room_regex", "source", "metadata_contains");
    private static final List<String> WORKER = List.of("worker", "worker_agent", "worker_order");

    private static final Map<HookPoint, List<String>> KNOWN = new EnumMap<>(Map.ofEntries(
            Map.entry(TWIRP_REQUEST, List.of("service", "method", "agent", "room", "room_regex", "metadata_contains")),
            Map.entry(DISPATCH_CREATED, DISPATCH),
            Map.entry(AVAILABILITY_REQUEST, job(true)),
            Map.entry(AVAILABILITY_RESPONSE, job(true)),
            Map.entry(JOB_ASSIGNMENT, job(true)),
            // the agent joins as a participant: no worker is at hand any more
            Map.entry(AGENT_JOIN, job(false)),
            Map.entry(JOB_STATUS_REPORT, job(false)),
            Map.entry(JOB_TERMINATION, job(true)),
            // an upgrade has no worker id, agent or order yet: nothing to select on
            Map.entry(WORKER_CONNECT, List.of()),
            // registering: the worker has its agent name and order, not its id yet
            Map.entry(WORKER_REGISTER, List.of("worker_agent", "worker_order")),
            Map.entry(WORKER_FRAME, WORKER),
            // a webhook event is about a room and maybe a participant (an agent's name when it is one), sent to one URL
            Map.entry(WEBHOOK, List.of("agent", "room", "room_regex", "event", "participant_kind", "url"))));

    private HookSelectors() {
    }

    /** The selectors a rule at {@code hook} may use. */
    public static List<String> at(HookPoint hook) {
        List<String> known = KNOWN.get(hook);
        if (known == null) {
            throw new IllegalStateException("hook point " + hook + " has no entry in HookSelectors");
        }
        return known;
    }

    /** The hooks where {@code selector} means something, for "use it at …" hints. */
    public static List<String> hooksFor(String selector) {
        return KNOWN.entrySet().stream().filter(e -> e.getValue().contains(selector))
                .map(e -> e.getKey().wireName()).toList();
    }

    private static List<String> job(boolean withWorker) {
        List<String> fields = new ArrayList<>(DISPATCH);
        fields.add("job_type");
        if (withWorker) {
            fields.addAll(WORKER);
        }
        return List.copyOf(fields);
    }
}
