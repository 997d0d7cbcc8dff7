package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** The server sends a WebSocket ping control frame every 10 s of simulated time after registration (reference 5.3). */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 4)
class WebSocketKeepaliveTest {

    @Test
    void should_send_a_websocket_ping_every_10_seconds_when_worker_is_registered(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a registered worker
        try (FakeAgentWorker worker = Sims.worker(sim, "kept-alive").connect()) {
            // WHEN 9.999 s pass: no ping yet (the pong that follows proves every earlier frame was read)
            clock.advance(Duration.ofMillis(9_999));
            worker.ping(1);
            worker.nextPong(WAIT);
            assertThat(worker.webSocketPingCount()).isZero();

            // THEN at 10 s and 20 s a ping arrives
            clock.advance(Duration.ofMillis(1));
            worker.nextWebSocketPing(WAIT);
            clock.advance(Duration.ofSeconds(10));
            worker.nextWebSocketPing(WAIT);
            worker.ping(2);
            worker.nextPong(WAIT);
            assertThat(worker.webSocketPingCount()).isEqualTo(2);
        }
    }

    @Test
    void should_not_ping_when_socket_has_not_registered(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a socket that pings (protocol ping) but never registers
        try (FakeAgentWorker worker = Sims.worker(sim, "quiet").withoutRegister().open()) {
            worker.ping(1);
            worker.nextPong(WAIT);

            // WHEN 9 s pass (before the register deadline)
            clock.advance(Duration.ofSeconds(9));
            worker.ping(2);
            worker.nextPong(WAIT);

            // THEN no keepalive was sent: pings start with registration
            assertThat(worker.webSocketPingCount()).isZero();
        }
    }
}
