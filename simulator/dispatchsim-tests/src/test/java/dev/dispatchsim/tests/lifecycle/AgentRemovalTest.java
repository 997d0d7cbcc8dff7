package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.JobTerminated;
import dev.dispatchsim.journal.JournalEvent.ParticipantLeft;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.proto.AgentDispatch;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the server ends a running job (reference 5.6): removing the agent participant → JobTermination and
 * JS_FAILED "agent worker left the room"; DeleteDispatch → JobTermination and JS_SUCCESS, after which the
 * agent leaves on its own within a second (well inside the real server's 3 s before it force-removes it).
 */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 73)
class AgentRemovalTest {

    private RoomApi api;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        api = new RoomApi(sim);
    }

    @Test
    void should_terminate_the_job_as_failed_when_the_agent_participant_is_removed(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a running job with its agent in the room (it joins 1.5 s after the assignment), listed (5 s lag)
        try (FakeAgentWorker worker = Sims.worker(sim, "removable").connect()) {
            api.createRoom("rm-room", "[{\"agentName\":\"removable\"}]");
            String jobId = running(sim, worker);
            clock.advance(Duration.ofSeconds(5));

            // WHEN the app removes the agent participant
            api.removeParticipant("rm-room", "agent-" + jobId);

            // THEN the worker is told to end the job, which ends JS_FAILED "agent worker left the room"
            assertThat(worker.nextTermination(WAIT).getJobId()).isEqualTo(jobId);
            JobTerminated terminated = sim.journal().await(JobTerminated.class, t -> t.jobId().equals(jobId), WAIT);
            assertThat(terminated.status()).isEqualTo(JobStatus.JS_FAILED);
            var truth = sim.admin().state().rooms().get(0).dispatches().get(0).jobs().get(0);
            assertThat(truth.trueStatus()).isEqualTo(JobStatus.JS_FAILED);
            assertThat(truth.trueError()).isEqualTo("agent worker left the room");
            assertThat(sim.admin().workers().get(0).runningJobIds()).isEmpty();

            // AND ListDispatch's copy is untouched (JS_RUNNING), as on the real server
            assertThat(api.listDispatch("rm-room").getAgentDispatches(0).getState().getJobs(0).getState().getStatus())
                    .isEqualTo(dev.dispatchsim.proto.JobStatus.JS_RUNNING);
        }
    }

    @Test
    void should_terminate_as_success_and_the_agent_leaves_a_second_later_when_the_dispatch_is_deleted(
            LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a running job of a CreateDispatch dispatch, listed and with its agent in the room
        try (FakeAgentWorker worker = Sims.worker(sim, "deletable").connect()) {
            api.createRoom("dd-room", "[{\"agentName\":\"someone\"}]");
            AgentDispatch dispatch = api.createDispatch("dd-room", "deletable", "");
            String jobId = running(sim, worker);
            clock.advance(Duration.ofSeconds(5));
            assertThat(api.listParticipants("dd-room").getParticipantsList()).hasSize(1);

            // WHEN the app deletes the dispatch
            AgentDispatch deleted = api.deleteDispatch("dd-room", dispatch.getId());

            // THEN the answer is the dispatch, it is no longer listed, and the worker is told to end the job (JS_SUCCESS)
            assertThat(deleted.getId()).isEqualTo(dispatch.getId());
            assertThat(api.listDispatch("dd-room").getAgentDispatchesList()).extracting(AgentDispatch::getAgentName)
                    .containsExactly("someone");
            assertThat(worker.nextTermination(WAIT).getJobId()).isEqualTo(jobId);
            JobTerminated terminated = sim.journal().await(JobTerminated.class, t -> t.jobId().equals(jobId), WAIT);
            assertThat(terminated.status()).isEqualTo(JobStatus.JS_SUCCESS);

            // AND the agent, whose job is over, leaves 1 s later, without a second termination
            clock.advance(Duration.ofMillis(999));
            assertThat(api.listParticipants("dd-room").getParticipantsList()).hasSize(1);
            clock.advance(Duration.ofMillis(1));
            assertThat(api.listParticipants("dd-room").getParticipantsList()).isEmpty();
            assertThat(sim.journal().await(ParticipantLeft.class, p -> p.identity().equals("agent-" + jobId), WAIT).reason())
                    .isEqualTo("CLIENT_INITIATED");
            assertThat(sim.journal().events(JobTerminated.class)).hasSize(1);
        }
    }

    @Test
    void should_answer_not_found_when_the_dispatch_id_is_unknown() {
        // GIVEN a live room
        api.createRoom("nf-room", null);

        // WHEN DeleteDispatch names an unknown id
        // THEN not_found "dispatch ID not found"
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.deleteDispatch("nf-room", "AD_unknown"))
                .hasMessageContaining("404").hasMessageContaining("dispatch ID not found");
    }

    private String running(LiveKitSimulator sim, FakeAgentWorker worker) {
        String jobId = worker.nextAssignment(WAIT).getJob().getId();
        sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);
        return jobId;
    }
}
