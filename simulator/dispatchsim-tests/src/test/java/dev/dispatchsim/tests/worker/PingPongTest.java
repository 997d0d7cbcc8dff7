package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.WorkerPong;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** WorkerPing → WorkerPong: last_timestamp echoes the ping, timestamp is the server's time in ms (reference 5.3). */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 9)
class PingPongTest {

    @Test
    void should_echo_ping_timestamp_and_send_simulated_time_in_millis_when_worker_pings(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a registered worker
        try (FakeAgentWorker worker = Sims.worker(sim, "pinger").connect()) {
            // WHEN it pings, and pings again 2.5 s of simulated time later
            worker.ping(1_700_000_000_123L);
            WorkerPong first = worker.nextPong(WAIT);
            clock.advance(Duration.ofMillis(2_500));
            worker.ping(-5);
            WorkerPong second = worker.nextPong(WAIT);

            // THEN each pong echoes its ping's timestamp and carries the simulated time in Unix milliseconds
            assertThat(first.getLastTimestamp()).isEqualTo(1_700_000_000_123L);
            assertThat(first.getTimestamp()).isEqualTo(ManualClock.DEFAULT_START.toEpochMilli());
            assertThat(second.getLastTimestamp()).isEqualTo(-5);
            assertThat(second.getTimestamp()).isEqualTo(ManualClock.DEFAULT_START.toEpochMilli() + 2_500);
        }
    }
}
