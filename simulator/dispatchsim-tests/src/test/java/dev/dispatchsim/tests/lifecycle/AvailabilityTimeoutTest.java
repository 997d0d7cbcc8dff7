package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.AvailabilityAnswerIgnored;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
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

import java.time.Duration;
import java.time.Instant;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No AvailabilityResponse within the availability window (3 s by default, from when the request went out) →
 * the job is undeliverable and not retried, and a later answer is ignored (reference 5.4 step 8, measured on
 * livekit-server 1.13.5). Under a ManualClock this costs no wall time.
 */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 61)
class AvailabilityTimeoutTest {

    @Test
    void should_give_up_without_retry_when_the_worker_does_not_answer_within_3_seconds(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a silent worker that has just been asked about a job
        RoomApi api = new RoomApi(sim);
        try (FakeAgentWorker silent = Sims.worker(sim, "slow").policy(AvailabilityPolicy.ignore()).connect()) {
            Instant asked = clock.now();
            api.createRoom("slow-room", "[{\"agentName\":\"slow\"}]");
            String jobId = silent.nextAvailabilityRequest(WAIT).getJob().getId();
            try (FakeAgentWorker willing = Sims.worker(sim, "slow").connect()) {

                // WHEN 2.999 s pass nothing happens; at 3 s the wait ends
                clock.advance(Duration.ofMillis(2_999));
                assertThat(sim.journal().events(AvailabilityTimedOut.class)).isEmpty();
                clock.advance(Duration.ofMillis(1));

                // THEN the timeout and the undeliverable job are journaled at exactly +3 s of simulated time
                AvailabilityTimedOut timedOut = sim.journal().await(AvailabilityTimedOut.class, t -> true, WAIT);
                assertThat(timedOut.jobId()).isEqualTo(jobId);
                assertThat(timedOut.workerId()).isEqualTo(silent.workerId());
                var undeliverable = sim.journal().await(e -> e.event() instanceof DispatchUndeliverable, WAIT, "undeliverable");
                assertThat(undeliverable.virtualTime()).isEqualTo(asked.plusSeconds(3));
                assertThat(((DispatchUndeliverable) undeliverable.event()).reason()).isEqualTo("worker "
                        + silent.workerId() + " did not answer the AvailabilityRequest within 3000 ms; not retried");

                // AND no one else is asked, a late yes is ignored (the journal says why), and ListDispatch shows no job
                silent.send(WorkerMessage.newBuilder().setAvailability(AvailabilityResponse.newBuilder()
                        .setJobId(jobId).setAvailable(true).setParticipantIdentity("late")).build());
                AvailabilityAnswerIgnored ignored = sim.journal().await(AvailabilityAnswerIgnored.class, i -> true, WAIT);
                assertThat(ignored.jobId()).isEqualTo(jobId);
                assertThat(ignored.reason()).isEqualTo("answer arrived after the availability window");
                clock.advance(Duration.ofSeconds(30));
                for (FakeAgentWorker worker : new FakeAgentWorker[]{silent, willing}) {
                    worker.ping(1);
                    worker.nextPong(WAIT);
                    assertThat(worker.received()).noneMatch(ServerMessage::hasAssignment);
                }
                assertThat(willing.received()).noneMatch(ServerMessage::hasAvailability);
                assertThat(sim.journal().events(JobAssigned.class)).isEmpty();
                assertThat(api.listDispatch("slow-room").getAgentDispatches(0).getState().getJobsList()).isEmpty();
            }
        }
    }

    @Test
    void should_use_the_configured_timeout_when_one_is_set() {
        // GIVEN a simulator with a 10 s availability timeout (livekit-server's AssignJobTimeout) and a silent worker
        ManualClock clock = new ManualClock();
        try (LiveKitSimulator sim = Sims.manual(61, clock).availabilityTimeout(Duration.ofSeconds(10)).start()) {
            try (FakeAgentWorker silent = Sims.worker(sim, "slow").policy(AvailabilityPolicy.ignore()).connect()) {
                new RoomApi(sim).createRoom("quick", "[{\"agentName\":\"slow\"}]");
                silent.nextAvailabilityRequest(WAIT);

                // WHEN 10 s pass
                clock.advance(Duration.ofMillis(9_999));
                assertThat(sim.journal().events(AvailabilityTimedOut.class)).isEmpty();
                clock.advance(Duration.ofMillis(1));

                // THEN the wait is over
                assertThat(sim.journal().events(AvailabilityTimedOut.class)).hasSize(1);
            }
        }
    }

    @Test
    void should_assign_when_the_answer_comes_just_before_the_timeout(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a worker asked about a job that answers by hand after 2.999 s of simulated time
        try (FakeAgentWorker worker = Sims.worker(sim, "edge").policy(AvailabilityPolicy.ignore()).connect()) {
            new RoomApi(sim).createRoom("edge-room", "[{\"agentName\":\"edge\"}]");
            String jobId = worker.nextAvailabilityRequest(WAIT).getJob().getId();
            clock.advance(Duration.ofMillis(2_999));

            // WHEN it accepts
            worker.send(WorkerMessage.newBuilder().setAvailability(AvailabilityResponse.newBuilder()
                    .setJobId(jobId).setAvailable(true).setParticipantIdentity("agent-edge")).build());

            // THEN it gets the assignment, and the timeout that would have fired later does nothing
            assertThat(worker.nextAssignment(WAIT).getJob().getId()).isEqualTo(jobId);
            clock.advance(Duration.ofSeconds(5));
            assertThat(sim.journal().events(AvailabilityTimedOut.class)).isEmpty();
        }
    }
}
