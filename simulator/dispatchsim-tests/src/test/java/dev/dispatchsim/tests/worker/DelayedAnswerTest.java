package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.AvailabilityPolicy;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake worker's answer delay is the worker's own (wall) time, as a real worker's would be; the
 * simulator's availability timeout runs on its clock, which does not move here.
 */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 103)
class DelayedAnswerTest {

    @Test
    void should_assign_when_the_worker_accepts_after_its_delay(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a worker that accepts 300 ms after being asked
        try (FakeAgentWorker worker = Sims.worker(sim, "deliberate")
                .policy(AvailabilityPolicy.accept().after(Duration.ofMillis(300))).connect()) {
            // WHEN a room dispatches its agent
            new RoomApi(sim).createRoom("d-room", "[{\"agentName\":\"deliberate\"}]");
            String jobId = worker.nextAvailabilityRequest(WAIT).getJob().getId();

            // THEN the assignment follows its late answer, and no simulated time passed (no timeout)
            assertThat(worker.nextAssignment(WAIT).getJob().getId()).isEqualTo(jobId);
            assertThat(clock.now()).isEqualTo(ManualClock.DEFAULT_START);
            assertThat(sim.journal().events(AvailabilityTimedOut.class)).isEmpty();
        }
    }
}
