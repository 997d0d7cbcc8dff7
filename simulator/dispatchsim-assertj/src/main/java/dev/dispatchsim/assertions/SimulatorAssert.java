package dev.dispatchsim.assertions;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import dev.dispatchsim.model.SimulatorState.RoomView;
import dev.dispatchsim.model.Worker;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

import java.util.List;

/** Assertions on a whole simulator; navigate to a {@link #room}, a {@link #worker}, the {@link #appliedFaults} or the {@link #webhooks}. */
public final class SimulatorAssert extends AbstractAssert<SimulatorAssert, LiveKitSimulator> {

    private final Evidence evidence;

    SimulatorAssert(LiveKitSimulator sim, Evidence evidence) {
        super(sim, SimulatorAssert.class);
        this.evidence = evidence;
    }

    /** The live room of that name. */
    public RoomAssert room(String name) {
        RoomView room = evidence.room(name).orElse(null);
        if (room == null) {
            failWithMessage("%s", SimulatorMessages.noRoom(evidence, name));
        }
        return new RoomAssert(room, evidence);
    }

    /** The one registered worker that serves {@code agentName}. */
    public WorkerAssert worker(String agentName) {
        List<Worker> found = evidence.state().workers().stream().filter(w -> w.agentName().equals(agentName)).toList();
        if (found.isEmpty()) {
            failWithMessage("%s", SimulatorMessages.noWorker(evidence, agentName));
        }
        if (found.size() > 1) {
            failWithMessage("%s", SimulatorMessages.severalWorkers(agentName, found));
        }
        return new WorkerAssert(found.get(0), evidence);
    }

    public WorkerAssert workerById(String workerId) {
        Worker worker = evidence.state().workers().stream().filter(w -> w.id().equals(workerId)).findFirst().orElse(null);
        if (worker == null) {
            failWithMessage("%s", "no registered worker " + workerId + "; registered: "
                    + evidence.state().workers().stream().map(w -> w.id() + " ('" + w.agentName() + "')").toList());
        }
        return new WorkerAssert(worker, evidence);
    }

    /** The webhooks sent to every URL; narrow to one with {@code to(url)}. */
    public WebhooksAssert webhooks() {
        return new WebhooksAssert(actual.admin().webhooks(), evidence, null);
    }

    /** The rule fired at least once. */
    public SimulatorAssert hasAppliedFault(String rule) {
        if (fired(rule).isEmpty()) {
            failWithMessage("%s", SimulatorMessages.ruleNotApplied(evidence, rule, evidence.events(FaultApplied.class)));
        }
        return this;
    }

    /** The rule fired exactly {@code times} times. */
    public SimulatorAssert hasAppliedFault(String rule, int times) {
        List<JournalEntry> fired = fired(rule);
        if (fired.isEmpty() && times > 0) {
            failWithMessage("%s", SimulatorMessages.ruleNotApplied(evidence, rule, evidence.events(FaultApplied.class)));
        }
        if (fired.size() != times) {
            failWithMessage("%s", SimulatorMessages.ruleCount(rule, fired, times));
        }
        return this;
    }

    /** The Twirp calls the app made, oldest first, to narrow ({@code method}, {@code forRoom} …) and count. */
    public TwirpCallsAssert twirpCalls() {
        List<TwirpCall> calls = evidence.events(TwirpCall.class);
        return new TwirpCallsAssert(calls, calls, "");
    }

    /** Every fault decision that fired, in order, for AssertJ's list assertions. */
    public ListAssert<FaultApplied> appliedFaults() {
        return Assertions.assertThat(evidence.events(FaultApplied.class));
    }

    private List<JournalEntry> fired(String rule) {
        return evidence.journal().stream()
                .filter(e -> e.event() instanceof FaultApplied f && f.rule().equals(rule)).toList();
    }
}
