package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.DispatchCreated;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.AgentDispatch;
import dev.dispatchsim.proto.Room;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** CreateRoom for a live room does nothing (reference 5.7): no new dispatch, no new job. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 109)
class CreateRoomAgainTest {

    @Test
    void should_dispatch_nothing_new_when_create_room_is_called_again_with_other_agents(LiveKitSimulator sim) {
        // GIVEN a live room dispatched to "first", and a worker for "second"
        try (FakeAgentWorker first = Sims.worker(sim, "first").connect();
             FakeAgentWorker second = Sims.worker(sim, "second").connect()) {
            RoomApi api = new RoomApi(sim);
            Room created = api.createRoom("again", "[{\"agentName\":\"first\"}]");
            String jobId = first.nextAssignment(WAIT).getJob().getId();
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);

            // WHEN CreateRoom is called again for it, asking for "second"
            Room again = api.createRoom("again", "[{\"agentName\":\"second\"}]");

            // THEN the same room comes back and nothing new is dispatched
            assertThat(again.getSid()).isEqualTo(created.getSid());
            assertThat(api.listDispatch("again").getAgentDispatchesList()).extracting(AgentDispatch::getAgentName)
                    .containsExactly("first");
            assertThat(sim.journal().events(DispatchCreated.class)).hasSize(1);
            second.ping(1);
            second.nextPong(WAIT);
            assertThat(second.received()).noneMatch(ServerMessage::hasAvailability);
        }
    }
}
