package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.JobTerminated;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.JobStatus;
import dev.dispatchsim.proto.ServerMessage;
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
 * A worker that goes away mid-job (reference 5.6): its running jobs are forgotten, not re-dispatched; the
 * dispatch's copy still says JS_RUNNING, and the agent participant, whose process went with its worker,
 * leaves the room a second later (measured on livekit-server with the real Node worker).
 */
@Timeout(30)
@LiveKitSimulatorTest(seed = 71, clock = ClockMode.MANUAL)
class WorkerDisconnectTest {

    private RoomApi api;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        api = new RoomApi(sim);
    }

    @Test
    void should_forget_its_jobs_without_redispatch_when_a_worker_drops_abruptly(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a worker running a job (its agent in the room, the job listed), and a second worker for the
        // same agent registered afterwards
        try (FakeAgentWorker crashing = Sims.worker(sim, "fragile").connect()) {
            api.createRoom("fragile-room", "[{\"agentName\":\"fragile\"}]");
            String jobId = crashing.nextAssignment(WAIT).getJob().getId();
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);
            clock.advance(Duration.ofSeconds(5));
            FakeAgentWorker survivor = Sims.worker(sim, "fragile").connect();

            // WHEN the running worker's connection drops without a close frame
            crashing.disconnectAbruptly();

            // THEN the journal records the forgotten job
            WorkerDisconnected gone = sim.journal().await(WorkerDisconnected.class,
                    d -> d.workerId().equals(crashing.workerId()), WAIT);
            assertThat(gone.forgottenJobIds()).containsExactly(jobId);
            assertThat(sim.admin().workers()).extracting(w -> w.id()).containsExactly(survivor.workerId());

            // AND the dispatch still lists the job JS_RUNNING; the agent is in the room for 1 s more, then leaves
            assertThat(api.listDispatch("fragile-room").getAgentDispatches(0).getState().getJobs(0).getState().getStatus())
                    .isEqualTo(JobStatus.JS_RUNNING);
            clock.advance(Duration.ofMillis(999));
            assertThat(api.listParticipants("fragile-room").getParticipantsList()).extracting(p -> p.getIdentity())
                    .containsExactly("agent-" + jobId);
            clock.advance(Duration.ofMillis(1));
            assertThat(api.listParticipants("fragile-room").getParticipantsList()).isEmpty();

            // AND nothing is re-dispatched to the survivor, and no termination is sent anywhere
            survivor.ping(1);
            survivor.nextPong(WAIT);
            assertThat(survivor.received()).extracting(ServerMessage::getMessageCase)
                    .containsExactly(ServerMessage.MessageCase.REGISTER, ServerMessage.MessageCase.PONG);
            assertThat(sim.journal().events(JobTerminated.class)).isEmpty();
            survivor.close();
        }
    }

    @Test
    void should_journal_the_close_code_when_a_worker_closes_cleanly(LiveKitSimulator sim) {
        // GIVEN a registered worker
        FakeAgentWorker worker = Sims.worker(sim, "polite").connect();
        String workerId = worker.workerId();

        // WHEN it closes its socket with 1000
        worker.close();

        // THEN the journal records the disconnect with that code, and the worker is no longer listed
        WorkerDisconnected gone = sim.journal().await(WorkerDisconnected.class, d -> d.workerId().equals(workerId), WAIT);
        assertThat(gone.code()).isEqualTo(1000);
        assertThat(gone.reason()).isEqualTo("worker closing");
        assertThat(gone.forgottenJobIds()).isEmpty();
        assertThat(sim.admin().workers()).isEmpty();
    }
}
