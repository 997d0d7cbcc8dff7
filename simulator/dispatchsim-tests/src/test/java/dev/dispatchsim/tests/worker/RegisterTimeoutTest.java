package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.WorkerConnected;
import dev.dispatchsim.journal.JournalEvent.WorkerProtocolError;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** A socket that does not register within 10 s of simulated time is closed with a reason (RegisterTimeout). */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 3)
class RegisterTimeoutTest {

    @Test
    void should_close_with_reason_when_register_does_not_arrive_within_10_seconds(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a connected socket that never registers
        try (FakeAgentWorker worker = Sims.worker(sim, "late").withoutRegister().open()) {
            sim.journal().await(WorkerConnected.class, c -> true, WAIT);

            // WHEN 9.999 s pass the socket still answers pings; at 10 s it is closed
            clock.advance(Duration.ofMillis(9_999));
            worker.ping(1);
            assertThat(worker.nextPong(WAIT).getLastTimestamp()).isEqualTo(1);
            clock.advance(Duration.ofMillis(1));

            // THEN the worker sees a policy-violation close with the reason, and the journal says why
            FakeAgentWorker.Closed closed = worker.awaitClosed(WAIT);
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("worker did not register within 10 s");
            assertThat(closed.remote()).isTrue();
            WorkerProtocolError error = sim.journal().await(WorkerProtocolError.class, e -> true, WAIT);
            assertThat(error.closeCode()).isEqualTo(1008);
            assertThat(error.reason()).isEqualTo("worker did not register within 10 s");
            assertThat(error.workerId()).isEmpty();
        }
    }

    @Test
    void should_keep_the_socket_when_register_arrives_before_10_seconds(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a socket that registers after 9 s
        try (FakeAgentWorker worker = Sims.worker(sim, "in-time").withoutRegister().open()) {
            sim.journal().await(WorkerConnected.class, c -> true, WAIT);
            clock.advance(Duration.ofSeconds(9));
            worker.register();
            worker.awaitRegistered(WAIT);

            // WHEN the register deadline passes, and much more
            clock.advance(Duration.ofSeconds(60));

            // THEN the socket is still served and nothing was journaled as a protocol error
            worker.ping(2);
            assertThat(worker.nextPong(WAIT).getLastTimestamp()).isEqualTo(2);
            assertThat(sim.journal().events(WorkerProtocolError.class)).isEmpty();
        }
    }
}
