package dev.dispatchsim.tests.e2e;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.WorkerConnected;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.FakeAgentWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker_connect hook over a real socket: `disconnect` closes the accepted socket with its code. */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL)
class WorkerConnectFaultTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String DISCONNECT_FIRST = """
            name: disconnect-on-connect
            rules:
              - name: close-first-connection
                at: worker_connect
                when: {first: 1}
                do: {type: disconnect, code: 4001, reason: go away}
            """;

    @Test
    @FaultProfile(yaml = DISCONNECT_FIRST)
    void should_close_the_upgraded_socket_with_the_code_when_worker_connect_says_disconnect(LiveKitSimulator sim) {
        // GIVEN a profile that disconnects the first worker connection
        // WHEN a worker connects
        try (FakeAgentWorker worker = FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret())
                .agentName("stt-agent").withoutRegister().open()) {

            // THEN its socket is closed with the profile's code and reason, and never reaches the engine
            FakeAgentWorker.Closed closed = worker.awaitClosed(WAIT);
            assertThat(closed.code()).isEqualTo(4001);
            assertThat(closed.reason()).isEqualTo("go away");
            assertThat(closed.remote()).isTrue();
            assertThat(sim.journal().events(FaultApplied.class)).extracting(FaultApplied::rule)
                    .containsExactly("close-first-connection");
            assertThat(sim.journal().events(WorkerConnected.class)).isEmpty();
        }
    }
}
