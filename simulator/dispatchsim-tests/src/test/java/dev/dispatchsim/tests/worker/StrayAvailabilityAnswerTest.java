package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.AvailabilityAnswered;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.AvailabilityResponse;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.testkit.AvailabilityPolicy;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** An AvailabilityResponse for a job the server did not ask that worker about is ignored (reference 5.4 step 8). */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 107)
class StrayAvailabilityAnswerTest {

    @Test
    void should_ignore_an_answer_when_it_comes_from_a_worker_that_was_not_asked(LiveKitSimulator sim) {
        // GIVEN a job offered to one worker, and a second worker of another agent
        try (FakeAgentWorker asked = Sims.worker(sim, "asked").policy(AvailabilityPolicy.ignore()).connect();
             FakeAgentWorker intruder = Sims.worker(sim, "intruder").connect()) {
            new RoomApi(sim).createRoom("stray", "[{\"agentName\":\"asked\"}]");
            String jobId = asked.nextAvailabilityRequest(WAIT).getJob().getId();

            // WHEN the other worker accepts that job, and also answers for a job that does not exist
            intruder.send(accept(jobId));
            intruder.send(accept("AJ_nosuchjob"));
            intruder.ping(1);
            intruder.nextPong(WAIT);

            // THEN both answers are ignored: nothing journaled, no assignment, socket still open
            assertThat(sim.journal().events(AvailabilityAnswered.class)).isEmpty();
            assertThat(intruder.received()).noneMatch(ServerMessage::hasAssignment);

            // AND the asked worker can still take the job
            asked.send(accept(jobId));
            assertThat(asked.nextAssignment(WAIT).getJob().getId()).isEqualTo(jobId);
        }
    }

    private static WorkerMessage accept(String jobId) {
        return WorkerMessage.newBuilder().setAvailability(AvailabilityResponse.newBuilder()
                .setJobId(jobId).setAvailable(true).setParticipantIdentity("agent-" + jobId)).build();
    }
}
