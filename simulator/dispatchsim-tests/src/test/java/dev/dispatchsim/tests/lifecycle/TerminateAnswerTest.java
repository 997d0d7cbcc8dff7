package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.AvailabilityAnswered;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.Job;
import dev.dispatchsim.proto.JobStatus;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.AvailabilityPolicy;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** terminate=true in the AvailabilityResponse → the job is JS_SUCCESS at once, with no assignment and no retry (5.4, 5.5). */
@Timeout(30)
// What the terminate answer lists is the point here, not when: no listing lag.
@LiveKitSimulatorTest(seed = 67, listingLagMillis = 0)
class TerminateAnswerTest {

    @Test
    void should_list_the_job_as_success_without_assignment_when_the_worker_answers_terminate(LiveKitSimulator sim) {
        // GIVEN a worker that answers terminate, and another that would accept
        try (FakeAgentWorker terminating = Sims.worker(sim, "done").policy(AvailabilityPolicy.terminate()).connect();
             FakeAgentWorker accepting = Sims.worker(sim, "other-done").connect()) {
            RoomApi api = new RoomApi(sim);

            // WHEN a room dispatches its agent
            api.createRoom("done-room", "[{\"agentName\":\"done\"}]");
            String jobId = terminating.nextAvailabilityRequest(WAIT).getJob().getId();
            sim.journal().await(AvailabilityAnswered.class, a -> a.jobId().equals(jobId) && a.terminate(), WAIT);

            // THEN ListDispatch shows the job JS_SUCCESS with an end time
            Job listed = api.listDispatch("done-room").getAgentDispatches(0).getState().getJobs(0);
            assertThat(listed.getId()).isEqualTo(jobId);
            assertThat(listed.getState().getStatus()).isEqualTo(JobStatus.JS_SUCCESS);
            assertThat(listed.getState().getEndedAt()).isPositive();

            // AND no assignment was sent, no agent joined, and the worker runs nothing
            terminating.ping(1);
            terminating.nextPong(WAIT);
            assertThat(terminating.received()).noneMatch(ServerMessage::hasAssignment);
            assertThat(api.listParticipants("done-room").getParticipantsList()).isEmpty();
            assertThat(sim.admin().workers()).allMatch(w -> w.runningJobIds().isEmpty());
        }
    }
}
