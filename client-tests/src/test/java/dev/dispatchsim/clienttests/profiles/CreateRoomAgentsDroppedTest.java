package dev.dispatchsim.clienttests.profiles;

import dev.dispatchsim.clienttests.profiles.support.App;
import dev.dispatchsim.clienttests.profiles.support.Journals;
import dev.dispatchsim.clienttests.profiles.support.ProfileScenario;
import dev.dispatchsim.clienttests.profiles.support.Truth;
import dev.dispatchsim.clienttests.profiles.support.Workers;
import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.JournalEvent.AvailabilityRequested;
import dev.dispatchsim.journal.JournalEvent.ParticipantLeft;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.SimulatorState.JobView;
import dev.dispatchsim.model.SimulatorState.Phase;
import dev.dispatchsim.proto.JobAssignment;
import dev.dispatchsim.proto.ServerMessage;
import livekit.LivekitAgent;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitModels.ParticipantInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.dispatchsim.clienttests.profiles.support.Journals.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Profile createroom-agents-dropped (docs/failure-catalogue.md, A0): sessions run one after another, each room
 * created with {@code agents: [stt-agent]}; sessions 2-4 never reach the worker although ListDispatch
 * says JS_RUNNING, and CreateDispatch for the same room delivers at once (its agent joins 1.5 s later).
 */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "createroom-agents-dropped")
class CreateRoomAgentsDroppedTest extends ProfileScenario {

    private static final String DROP_RULE = "drop-createroom-sessions-2-to-4";

    @Test
    void should_need_the_createdispatch_fallback_for_sessions_2_to_4_when_rooms_are_created_with_agents_in_sequence() {
        // GIVEN the app's five sessions, each started after the previous one ended
        List<String> deliveredDispatches = new ArrayList<>();
        for (int session = 1; session <= 5; session++) {
            String room = "session-" + session;
            // WHEN the app creates the room with its agent and reads the dispatch state
            Response<?> created = app.createRoomWithAgent(room, AGENT, "{\"session\":" + session + "}");
            assertThat(created.isSuccessful()).as("CreateRoom %s", room).isTrue();
            AgentDispatch dispatch = single(app.listDispatch(room));

            // THEN ListDispatch says JS_RUNNING whatever happened
            assertThat(App.statuses(dispatch)).as("ListDispatch %s", room).containsExactly(LivekitAgent.JobStatus.JS_RUNNING);
            boolean dropped = session >= 2 && session <= 4;
            if (dropped) {
                // AND the truth: the job was never offered, so the fallback is the first offer the worker sees
                JobView truth = Truth.job(sim, room, dispatch.getId());
                assertThat(truth.phase()).isEqualTo(Phase.OFFERING);
                assertThat(truth.delivered()).isFalse();
                assertThat(truth.reportedStatus()).isEqualTo(JobStatus.JS_RUNNING);
                AgentDispatch fallback = app.createDispatch(room, AGENT, "{\"fallback\":true}").body();
                assertThat(worker.nextAvailabilityRequest(WAIT).getJob().getDispatchId()).isEqualTo(fallback.getId());
                deliveredDispatches.add(fallback.getId());
            } else {
                assertThat(worker.nextAvailabilityRequest(WAIT).getJob().getDispatchId()).isEqualTo(dispatch.getId());
                deliveredDispatches.add(dispatch.getId());
            }
            JobAssignment assignment = worker.nextAssignment(WAIT);
            clock.advance(Duration.ofMillis(1500)); // the agent joins 1.5 s after its assignment
            assertThat(app.listParticipants(room)).extracting(ParticipantInfo::getKind)
                    .containsExactly(ParticipantInfo.Kind.AGENT);

            // the session ends: the room is deleted, and its agent leaves with it
            app.deleteRoom(room);
            assertThat(Journals.events(sim, ParticipantLeft.class,
                    p -> p.identity().equals(assignment.getJob().getState().getParticipantIdentity())))
                    .extracting(ParticipantLeft::reason).containsExactly("ROOM_DELETED");
        }

        // THEN, as on livekit-server, deleting the rooms sent the worker no JobTermination (a pong asked for
        // after the last one comes with none before it)
        worker.ping(1);
        worker.nextPong(WAIT);
        assertThat(worker.received()).noneMatch(ServerMessage::hasTermination);

        // AND over the whole run the worker was offered exactly one job per session, none of 2-4's own
        assertThat(Workers.offeredDispatchIds(worker)).containsExactlyElementsOf(deliveredDispatches);
        // AND the journal names the rule, the hook and the sessions it dropped
        assertThat(Journals.faults(sim, DROP_RULE))
                .extracting(f -> f.hookPoint(), f -> f.effect(), f -> f.targets().get("room"), f -> f.targets().get("occurrence"))
                .containsExactly(
                        tuple("availability_request", new AppliedEffect.Dropped(), "session-2", "2"),
                        tuple("availability_request", new AppliedEffect.Dropped(), "session-3", "3"),
                        tuple("availability_request", new AppliedEffect.Dropped(), "session-4", "4"));
        // AND no AvailabilityRequested entry claims the dropped jobs were ever offered
        List<String> droppedJobs = Journals.faults(sim, DROP_RULE).stream().map(f -> f.targets().get("job")).toList();
        assertThat(droppedJobs).hasSize(3).doesNotContainNull();
        assertThat(Journals.events(sim, AvailabilityRequested.class, a -> droppedJobs.contains(a.jobId()))).isEmpty();
        // AND one status report per ListDispatch answer, each claiming JS_RUNNING
        assertThat(Journals.faultRooms(sim, "report-running-anyway"))
                .containsExactly("session-1", "session-2", "session-3", "session-4", "session-5");
    }

    private static AgentDispatch single(List<AgentDispatch> dispatches) {
        assertThat(dispatches).hasSize(1);
        return dispatches.get(0);
    }

}
