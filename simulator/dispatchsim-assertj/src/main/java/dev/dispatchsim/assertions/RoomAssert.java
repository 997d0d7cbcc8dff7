package dev.dispatchsim.assertions;

import dev.dispatchsim.model.Dispatch;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.model.SimulatorState.DispatchView;
import dev.dispatchsim.model.SimulatorState.RoomView;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

import java.util.List;

/** Assertions on one live room: its agent participants and its dispatches. */
public final class RoomAssert extends AbstractAssert<RoomAssert, RoomView> {

    private final Evidence evidence;

    RoomAssert(RoomView room, Evidence evidence) {
        super(room, RoomAssert.class);
        this.evidence = evidence;
    }

    /** The one dispatch for {@code agentName} in this room. */
    public DispatchAssert dispatchFor(String agentName) {
        List<DispatchView> found = actual.dispatches().stream().filter(d -> d.reported().agentName().equals(agentName)).toList();
        if (found.isEmpty()) {
            failWithMessage("%s", SimulatorMessages.noDispatch(evidence, actual, agentName));
        }
        if (found.size() > 1) {
            failWithMessage("%s", SimulatorMessages.severalDispatches(actual, agentName, found));
        }
        return new DispatchAssert(found.get(0), evidence);
    }

    public DispatchAssert dispatch(String dispatchId) {
        DispatchView found = actual.dispatches().stream().filter(d -> d.reported().id().equals(dispatchId)).findFirst().orElse(null);
        if (found == null) {
            failWithMessage("%s", SimulatorMessages.noDispatchId(actual, dispatchId));
        }
        return new DispatchAssert(found, evidence);
    }

    /** Every dispatch of the room as ListDispatch reports it, for AssertJ's list assertions. */
    public ListAssert<Dispatch> dispatches() {
        return Assertions.assertThat(actual.dispatches().stream().map(DispatchView::reported).toList());
    }

    /** An agent participant (kind AGENT) of that agent name has joined. */
    public RoomAssert hasAgent(String agentName) {
        if (agents(agentName).isEmpty()) {
            failWithMessage("%s", SimulatorMessages.noAgent(evidence, actual, agentName));
        }
        return this;
    }

    /** Exactly {@code expected} agent participants of that agent name are in the room (e.g. 1: no duplicate agent). */
    public RoomAssert hasAgentCount(String agentName, int expected) {
        List<Participant> found = agents(agentName);
        if (found.isEmpty() && expected > 0) {
            failWithMessage("%s", SimulatorMessages.noAgent(evidence, actual, agentName));
        }
        if (found.size() != expected) {
            failWithMessage("%s", SimulatorMessages.agentCount(actual, agentName, found, expected));
        }
        return this;
    }

    public RoomAssert hasNoAgent(String agentName) {
        return hasAgentCount(agentName, 0);
    }

    private List<Participant> agents(String agentName) {
        return actual.participants().stream()
                .filter(p -> p.kind() == ParticipantKind.AGENT && SimulatorMessages.agentName(p).equals(agentName)).toList();
    }
}
