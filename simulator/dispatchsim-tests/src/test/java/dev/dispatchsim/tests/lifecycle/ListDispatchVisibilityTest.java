package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.AvailabilityResponse;
import dev.dispatchsim.proto.Job;
import dev.dispatchsim.proto.JobStatus;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.testkit.AvailabilityPolicy;
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
 * What ListDispatch shows while a job travels (reference 5.5): nothing while the worker is being asked
 * (JS_PENDING is never visible), nothing during the listing lag of a first launch after a registration,
 * then JS_RUNNING, whatever the worker reports later.
 */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 97)
class ListDispatchVisibilityTest {

    private RoomApi api;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        api = new RoomApi(sim);
    }

    @Test
    void should_list_the_job_only_after_the_assignment_and_its_lag_when_the_worker_takes_its_time(
            LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a worker that has been asked about a job and has not answered after 2.5 s
        try (FakeAgentWorker worker = Sims.worker(sim, "thinker").policy(AvailabilityPolicy.ignore()).connect()) {
            api.createRoom("v-room", "[{\"agentName\":\"thinker\"}]");
            String jobId = worker.nextAvailabilityRequest(WAIT).getJob().getId();
            clock.advance(Duration.ofMillis(2500));

            // WHEN the app lists the dispatch during the wait
            // THEN the dispatch has no job yet
            assertThat(api.listDispatch("v-room").getAgentDispatches(0).getState().getJobsList()).isEmpty();

            // WHEN the worker accepts
            worker.send(WorkerMessage.newBuilder().setAvailability(AvailabilityResponse.newBuilder()
                    .setJobId(jobId).setAvailable(true).setParticipantIdentity("agent-thinker")).build());
            worker.nextAssignment(WAIT);
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);

            // THEN, this being the first launch after the worker registered, the job is not listed for 5 s
            assertThat(api.listDispatch("v-room").getAgentDispatches(0).getState().getJobsList()).isEmpty();
            clock.advance(Duration.ofMillis(4_999));
            assertThat(api.listDispatch("v-room").getAgentDispatches(0).getState().getJobsList()).isEmpty();
            clock.advance(Duration.ofMillis(1));

            // AND then it is listed JS_RUNNING, started when it was offered (2.5 s before the assignment)
            Job listed = api.listDispatch("v-room").getAgentDispatches(0).getState().getJobs(0);
            assertThat(listed.getState().getStatus()).isEqualTo(JobStatus.JS_RUNNING);
            long offeredAt = ManualClock.DEFAULT_START.getEpochSecond() * 1_000_000_000L;
            assertThat(listed.getState().getStartedAt()).isEqualTo(offeredAt);

            // AND a JS_FAILED report from the worker leaves that copy as it was
            worker.updateJobStatus(jobId, dev.dispatchsim.proto.JobStatus.JS_FAILED, "crashed");
            sim.journal().await(dev.dispatchsim.journal.JournalEvent.JobStatusUpdated.class, u -> true, WAIT);
            Job after = api.listDispatch("v-room").getAgentDispatches(0).getState().getJobs(0);
            assertThat(after.getState().getStatus()).isEqualTo(JobStatus.JS_RUNNING);
            assertThat(after.getState().getError()).isEmpty();
        }
    }
}
