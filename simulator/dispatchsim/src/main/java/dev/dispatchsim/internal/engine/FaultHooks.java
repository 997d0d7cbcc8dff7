package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.clock.ScheduledTask;
import dev.dispatchsim.internal.fault.FaultContext;
import dev.dispatchsim.internal.fault.FaultDecision;
import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.fault.FaultEngine;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.ScenarioStateChanged;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Asks the fault engine about one event and journals every decision that fired. Contexts are
 * filled here from engine records, so every hook describes jobs and workers the same way.
 */
final class FaultHooks {

    private final FaultEngine faultEngine;
    private final SimState state;
    private Instant start;
    /** Dispatch launches a fault is holding back; they count as in flight. */
    int heldLaunches;
    /**
     * Events a fault has put off (delays, duplicate copies). A reset cancels them: otherwise a join or
     * launch held back before the reset would land in the next test's rooms, whose ids are reseeded.
     */
    private final Set<ScheduledTask> putOff = Collections.newSetFromMap(new IdentityHashMap<>());

    FaultHooks(FaultEngine faultEngine, SimState state) {
        this.faultEngine = faultEngine;
        this.state = state;
        this.start = state.now();
    }

    /** After a reset, virtual-time windows count from now again and held launches are gone. */
    void restart() {
        this.start = state.now();
        this.heldLaunches = 0;
        putOff.forEach(ScheduledTask::cancel);
        putOff.clear();
        faultEngine.reset();
    }

    /** Runs {@code task} after {@code delay} of simulated time, unless a reset comes first. */
    void later(Duration delay, Runnable task) {
        ScheduledTask[] self = new ScheduledTask[1];
        self[0] = state.schedule(delay, () -> {
            putOff.remove(self[0]);
            task.run();
        });
        putOff.add(self[0]);
    }

    FaultEngine engine() {
        return faultEngine;
    }

    List<FaultDecision> decide(FaultContext.Builder context) {
        FaultContext ctx = context.virtualTime(Duration.between(start, state.now())).inFlightDispatches(inFlight()).build();
        String before = faultEngine.scenarioState();
        List<FaultDecision> decisions = faultEngine.decide(ctx);
        for (FaultDecision decision : decisions) {
            if (decision.effect() instanceof FaultEffect.NoEffect) {
                continue; // a rule that only moves the scenario state: the state change below is its line
            }
            state.journal(new FaultApplied(decision.rule(), decision.hook().wireName(), decision.applied(),
                    targets(decision), decision.draw().isPresent() ? decision.draw().getAsDouble() : null));
        }
        String after = faultEngine.scenarioState();
        if (!Objects.equals(before, after)) {
            String rule = decisions.stream().filter(d -> d.thenState() != null).reduce((a, b) -> b)
                    .map(FaultDecision::rule).orElse("");
            state.journal(new ScenarioStateChanged(before == null ? "" : before, after, rule));
        }
        return decisions;
    }

    /** The same question without counting it or journaling: for observers. */
    List<FaultDecision> peek(FaultContext.Builder context) {
        return faultEngine.peek(context.virtualTime(Duration.between(start, state.now())).inFlightDispatches(inFlight()).build());
    }

    static FaultContext.Builder forDispatch(HookPoint hook, DispatchRecord dispatch) {
        return FaultContext.at(hook).roomName(dispatch.room).agentName(dispatch.request.agentName())
                .dispatchSource(dispatch.source).metadata(dispatch.request.metadata()).dispatchId(dispatch.id);
    }

    static FaultContext.Builder forJob(HookPoint hook, JobRecord job, WorkerRecord worker) {
        FaultContext.Builder builder = job.dispatch != null ? forDispatch(hook, job.dispatch)
                : FaultContext.at(hook).roomName(job.job.room().name()).agentName(job.job.agentName());
        builder.jobId(job.id()).jobType(job.job.type());
        return worker == null ? builder : withWorker(builder, worker);
    }

    static FaultContext.Builder withWorker(FaultContext.Builder builder, WorkerRecord worker) {
        builder.workerId(worker.id).workerOrder(worker.order);
        if (worker.registration != null) {
            builder.workerAgentName(worker.registration.agentName());
        }
        return builder;
    }

    private int inFlight() {
        return state.offering.size() + heldLaunches; // kept as jobs change phase: O(1) at every decision
    }

    private static Map<String, String> targets(FaultDecision decision) {
        Map<String, String> targets = new LinkedHashMap<>();
        put(targets, "room", decision.targets().roomName());
        put(targets, "dispatch", decision.targets().dispatchId());
        put(targets, "job", decision.targets().jobId());
        put(targets, "worker", decision.targets().workerId());
        put(targets, "agent", decision.targets().agentName());
        put(targets, "event", decision.targets().webhookEvent());
        put(targets, "participant", decision.targets().participant());
        put(targets, "url", decision.targets().url());
        targets.put("occurrence", Long.toString(decision.occurrence()));
        return targets;
    }

    private static void put(Map<String, String> targets, String key, String value) {
        if (value != null && !value.isEmpty()) {
            targets.put(key, value);
        }
    }
}
