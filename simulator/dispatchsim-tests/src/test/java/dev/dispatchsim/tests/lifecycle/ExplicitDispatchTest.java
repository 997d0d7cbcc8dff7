package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.DispatchCreated;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
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

/**
 * Explicit dispatch (reference 5.6, 5.7): only workers registered with exactly that agent name (and deployment)
 * get it; with none, nothing is created, the journal says why with the near miss, and nothing retries later.
 */
@Timeout(30)
@LiveKitSimulatorTest(seed = 41)
class ExplicitDispatchTest {

    private RoomApi api;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        api = new RoomApi(sim);
    }

    @Test
    void should_reach_only_the_exact_name_when_app_creates_a_dispatch(LiveKitSimulator sim) {
        // GIVEN workers for "stt-agent" and for the look-alike "stt_agent", and a live room with an explicit agent
        try (FakeAgentWorker exact = Sims.worker(sim, "stt-agent").connect();
             FakeAgentWorker lookalike = Sims.worker(sim, "stt_agent").connect()) {
            api.createRoom("room-x", "[{\"agentName\":\"other\"}]");

            // WHEN the app calls CreateDispatch for "stt-agent"
            AgentDispatch created = api.createDispatch("room-x", "stt-agent", "m1");

            // THEN the answer comes at once, with no jobs yet (they are launched asynchronously)
            assertThat(created.getId()).startsWith("AD_");
            assertThat(created.getState().getJobsList()).isEmpty();
            assertThat(created.getState().getCreatedAt()).isPositive();

            // AND only the exact name gets the job of that dispatch
            Job job = exact.nextAssignment(WAIT).getJob();
            assertThat(job.getDispatchId()).isEqualTo(created.getId());
            assertThat(job.getMetadata()).isEqualTo("m1");
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(job.getId()), WAIT);
            assertThat(sim.journal().await(DispatchCreated.class, d -> d.dispatchId().equals(created.getId()), WAIT).source())
                    .isEqualTo(DispatchSource.CREATE_DISPATCH);
            lookalike.ping(1);
            lookalike.nextPong(WAIT);
            assertThat(lookalike.received()).extracting(ServerMessage::getMessageCase)
                    .containsExactly(ServerMessage.MessageCase.REGISTER, ServerMessage.MessageCase.PONG);
        }
    }

    @Test
    void should_journal_undeliverable_with_the_near_miss_and_never_retry_when_no_worker_has_the_name(LiveKitSimulator sim) {
        // GIVEN only a worker registered as "stt_agent"
        try (FakeAgentWorker lookalike = Sims.worker(sim, "stt_agent").connect()) {
            // WHEN a room asks for "stt-agent"
            api.createRoom("room-y", "[{\"agentName\":\"stt-agent\"}]");

            // THEN the journal records why, naming the worker that was registered
            DispatchUndeliverable undeliverable = sim.journal().await(DispatchUndeliverable.class,
                    u -> u.room().equals("room-y"), WAIT);
            assertThat(undeliverable.agentName()).isEqualTo("stt-agent");
            assertThat(undeliverable.reason()).isEqualTo("no worker registered for agent 'stt-agent' (JT_ROOM)");
            assertThat(undeliverable.registeredAgents()).containsExactly("'stt_agent'/JT_ROOM");
            assertThat(undeliverable.jobId()).isEmpty();

            // AND the dispatch exists with no jobs
            AgentDispatch dispatch = api.listDispatch("room-y").getAgentDispatches(0);
            assertThat(dispatch.getAgentName()).isEqualTo("stt-agent");
            assertThat(dispatch.getState().getJobsList()).isEmpty();

            // AND a worker with the right name registering later gets nothing (no re-dispatch in OSS)
            try (FakeAgentWorker late = Sims.worker(sim, "stt-agent").connect()) {
                late.ping(1);
                late.nextPong(WAIT);
                assertThat(late.received()).extracting(ServerMessage::getMessageCase)
                        .containsExactly(ServerMessage.MessageCase.REGISTER, ServerMessage.MessageCase.PONG);
                assertThat(api.listDispatch("room-y").getAgentDispatches(0).getState().getJobsList()).isEmpty();
            }
        }
    }

    @Test
    void should_reach_only_the_same_deployment_when_dispatch_names_a_deployment(LiveKitSimulator sim) {
        // GIVEN two workers for the same agent, one in deployment "blue"
        try (FakeAgentWorker plain = Sims.worker(sim, "dep-agent").connect();
             FakeAgentWorker blue = Sims.worker(sim, "dep-agent").deployment("blue").connect()) {
            // WHEN a room asks for that agent in deployment "blue"
            api.createRoomJson("{\"name\":\"room-z\",\"agents\":[{\"agentName\":\"dep-agent\",\"deployment\":\"blue\"}]}");

            // THEN only the blue worker gets it
            assertThat(blue.nextAssignment(WAIT).getJob().getDeployment()).isEqualTo("blue");
            plain.ping(1);
            plain.nextPong(WAIT);
            assertThat(plain.received()).extracting(ServerMessage::getMessageCase)
                    .containsExactly(ServerMessage.MessageCase.REGISTER, ServerMessage.MessageCase.PONG);
        }
    }
}
