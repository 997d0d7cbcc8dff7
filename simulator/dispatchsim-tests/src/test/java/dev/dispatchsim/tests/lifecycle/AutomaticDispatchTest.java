package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.DispatchCreated;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.proto.AgentDispatch;
import dev.dispatchsim.proto.Job;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Automatic dispatch (reference 5.7): a room created without agents gets {agent_name: ""}, served only by empty-name workers. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 37)
class AutomaticDispatchTest {

    private RoomApi api;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        api = new RoomApi(sim);
    }

    @Test
    void should_reach_only_empty_name_workers_when_room_is_created_without_agents(LiveKitSimulator sim) {
        // GIVEN a worker without agent name and one with a name
        try (FakeAgentWorker anonymous = Sims.worker(sim, "").connect();
             FakeAgentWorker named = Sims.worker(sim, "named").connect()) {
            // WHEN a room is created without agents
            api.createRoom("auto-1", null);

            // THEN the empty-name worker gets the implicit dispatch's JT_ROOM job
            Job job = anonymous.nextAssignment(WAIT).getJob();
            assertThat(job.getAgentName()).isEmpty();
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(job.getId()), WAIT);
            DispatchCreated created = sim.journal().await(DispatchCreated.class, d -> d.room().equals("auto-1"), WAIT);
            assertThat(created.source()).isEqualTo(DispatchSource.AUTOMATIC);

            // AND ListDispatch shows it as a dispatch with an empty agent name
            AgentDispatch dispatch = api.listDispatch("auto-1").getAgentDispatches(0);
            assertThat(dispatch.getAgentName()).isEmpty();
            assertThat(dispatch.getId()).isEqualTo(job.getDispatchId()).startsWith("AD_");

            // AND the named worker was never asked
            named.ping(1);
            named.nextPong(WAIT);
            assertThat(named.received()).extracting(ServerMessage::getMessageCase)
                    .containsExactly(ServerMessage.MessageCase.REGISTER, ServerMessage.MessageCase.PONG);
        }
    }

    @Test
    void should_create_no_implicit_dispatch_when_room_has_explicit_agents(LiveKitSimulator sim) {
        // GIVEN an empty-name worker and a named one
        try (FakeAgentWorker anonymous = Sims.worker(sim, "").connect();
             FakeAgentWorker named = Sims.worker(sim, "named").connect()) {
            // WHEN a room is created with an explicit agent
            api.createRoom("explicit-1", "[{\"agentName\":\"named\"}]");

            // THEN only the named worker is dispatched, and the only dispatch is the explicit one
            assertThat(named.nextAssignment(WAIT).getJob().getAgentName()).isEqualTo("named");
            assertThat(api.listDispatch("explicit-1").getAgentDispatchesList()).extracting(AgentDispatch::getAgentName)
                    .containsExactly("named");
            anonymous.ping(1);
            anonymous.nextPong(WAIT);
            assertThat(anonymous.received()).extracting(ServerMessage::getMessageCase)
                    .containsExactly(ServerMessage.MessageCase.REGISTER, ServerMessage.MessageCase.PONG);
        }
    }
}
