package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.JobStatusUpdated;
import dev.dispatchsim.journal.JournalEvent.ParticipantLeft;
import dev.dispatchsim.journal.JournalEvent.RoomClosed;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.proto.JobAssignment;
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
 * UpdateJobStatus (reference 5.4 step 11): applies only to jobs in the sending worker's running set;
 * JS_SUCCESS/JS_FAILED end the job there, while ListDispatch's copy stays JS_RUNNING (5.5).
 */
@Timeout(30)
@LiveKitSimulatorTest(seed = 23, clock = ClockMode.MANUAL)
class UpdateJobStatusTest {

    private RoomApi api;
    private ManualClock clock;

    @BeforeEach
    void start(LiveKitSimulator sim, ManualClock clock) {
        api = new RoomApi(sim);
        this.clock = clock;
    }

    @Test
    void should_end_the_job_for_the_worker_but_keep_listdispatch_at_running_when_worker_reports_success(LiveKitSimulator sim) {
        // GIVEN a job assigned to a worker
        try (FakeAgentWorker worker = Sims.worker(sim, "reporter").connect()) {
            api.createRoom("r1", "[{\"agentName\":\"reporter\"}]");
            String jobId = assigned(sim, worker);

            // WHEN the worker reports JS_SUCCESS
            worker.updateJobStatus(jobId, dev.dispatchsim.proto.JobStatus.JS_SUCCESS, "");

            // THEN the job leaves the worker's running set and the truth says JS_SUCCESS
            JobStatusUpdated update = sim.journal().await(JobStatusUpdated.class, u -> u.jobId().equals(jobId), WAIT);
            assertThat(update.status()).isEqualTo(JobStatus.JS_SUCCESS);
            assertThat(sim.admin().workers().get(0).runningJobIds()).isEmpty();
            assertThat(sim.admin().state().rooms().get(0).dispatches().get(0).jobs().get(0).trueStatus())
                    .isEqualTo(JobStatus.JS_SUCCESS);

            // AND ListDispatch still says JS_RUNNING, as livekit-server's frozen copy does
            assertThat(api.listDispatch("r1").getAgentDispatches(0).getState().getJobs(0).getState().getStatus())
                    .isEqualTo(dev.dispatchsim.proto.JobStatus.JS_RUNNING);

            // AND the finished agent leaves the room a second later, and deleting the room sends no JobTermination
            clock.advance(Duration.ofSeconds(1));
            assertThat(sim.journal().await(ParticipantLeft.class, p -> p.identity().equals("agent-" + jobId), WAIT)
                    .reason()).isEqualTo("CLIENT_INITIATED");
            api.deleteRoom("r1");
            sim.journal().await(RoomClosed.class, c -> c.room().equals("r1"), WAIT);
            worker.ping(1);
            worker.nextPong(WAIT);
            assertThat(worker.received()).extracting(ServerMessage::getMessageCase)
                    .doesNotContain(ServerMessage.MessageCase.TERMINATION);
        }
    }

    @Test
    void should_keep_the_job_running_when_worker_reports_running(LiveKitSimulator sim) {
        // GIVEN an assigned job
        try (FakeAgentWorker worker = Sims.worker(sim, "runner").connect()) {
            api.createRoom("r2", "[{\"agentName\":\"runner\"}]");
            String jobId = assigned(sim, worker);

            // WHEN the worker reports JS_RUNNING (what the Python SDK sends when the job process starts)
            worker.updateJobStatus(jobId, dev.dispatchsim.proto.JobStatus.JS_RUNNING, "");
            sim.journal().await(JobStatusUpdated.class, u -> u.jobId().equals(jobId), WAIT);

            // THEN the job is still in the worker's running set and its agent is still in the room
            assertThat(sim.admin().workers().get(0).runningJobIds()).containsExactly(jobId);
            assertThat(api.listParticipants("r2").getParticipantsList()).extracting(p -> p.getIdentity())
                    .containsExactly("agent-" + jobId);
        }
    }

    @Test
    void should_ignore_the_update_when_job_belongs_to_another_worker(LiveKitSimulator sim) {
        // GIVEN a job assigned to one worker, and a second worker that does not run it
        try (FakeAgentWorker owner = Sims.worker(sim, "owner").connect();
             FakeAgentWorker stranger = Sims.worker(sim, "stranger").connect()) {
            api.createRoom("r3", "[{\"agentName\":\"owner\"}]");
            String jobId = assigned(sim, owner);

            // WHEN the stranger reports that job as failed
            stranger.updateJobStatus(jobId, dev.dispatchsim.proto.JobStatus.JS_FAILED, "not mine");
            stranger.ping(1);
            stranger.nextPong(WAIT);
            owner.ping(1);
            owner.nextPong(WAIT);

            // THEN nothing changes: no status journaled, the owner still runs it, its agent stays, no termination
            assertThat(sim.journal().events(JobStatusUpdated.class)).isEmpty();
            assertThat(sim.admin().workers()).filteredOn(w -> w.id().equals(owner.workerId()))
                    .singleElement().satisfies(w -> assertThat(w.runningJobIds()).containsExactly(jobId));
            assertThat(api.listParticipants("r3").getParticipantsList()).extracting(p -> p.getIdentity())
                    .containsExactly("agent-" + jobId);
            assertThat(owner.received()).extracting(ServerMessage::getMessageCase)
                    .doesNotContain(ServerMessage.MessageCase.TERMINATION);
        }
    }

    @Test
    void should_ignore_the_update_when_job_is_unknown(LiveKitSimulator sim) {
        // GIVEN a registered worker
        try (FakeAgentWorker worker = Sims.worker(sim, "guesser").connect()) {
            // WHEN it reports a status for a job that does not exist
            worker.updateJobStatus("AJ_doesnotexist", dev.dispatchsim.proto.JobStatus.JS_SUCCESS, "");

            // THEN it is ignored silently and the socket stays open
            worker.ping(9);
            assertThat(worker.nextPong(WAIT).getLastTimestamp()).isEqualTo(9);
            assertThat(sim.journal().events(JobStatusUpdated.class)).isEmpty();
        }
    }

    /** The job assigned, its agent in the room (1.5 s later) and the job listed (5 s later: a first launch). */
    private String assigned(LiveKitSimulator sim, FakeAgentWorker worker) {
        JobAssignment assignment = worker.nextAssignment(WAIT);
        String jobId = assignment.getJob().getId();
        sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);
        clock.advance(Duration.ofSeconds(5));
        return jobId;
    }
}
