package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.WorkerProtocolError;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.proto.WorkerStatus;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Before register only ping is allowed (reference 5.2); register is allowed once. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 5)
class BeforeRegisterTest {

    @Test
    void should_answer_ping_and_then_register_when_ping_comes_before_register(LiveKitSimulator sim) {
        // GIVEN a socket that pings before registering
        try (FakeAgentWorker worker = Sims.worker(sim, "p").withoutRegister().open()) {
            worker.ping(42);
            assertThat(worker.nextPong(WAIT).getLastTimestamp()).isEqualTo(42);

            // WHEN it registers afterwards
            worker.register();

            // THEN it is registered; the pong was the only message before the register answer
            assertThat(worker.awaitRegistered(WAIT)).startsWith("AW_");
            assertThat(worker.received()).extracting(ServerMessage::getMessageCase)
                    .containsExactly(ServerMessage.MessageCase.PONG, ServerMessage.MessageCase.REGISTER);
        }
    }

    @Test
    void should_close_with_reason_when_a_status_update_comes_before_register(LiveKitSimulator sim) {
        // GIVEN a socket that has not registered
        try (FakeAgentWorker worker = Sims.worker(sim, "u").withoutRegister().open()) {
            // WHEN it sends UpdateWorkerStatus
            worker.updateStatus(WorkerStatus.WS_AVAILABLE, 0.1f);

            // THEN that socket is closed with a policy violation naming the message, and it is journaled
            FakeAgentWorker.Closed closed = worker.awaitClosed(WAIT);
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("expected register or ping before registration, got update_worker");
            WorkerProtocolError error = sim.journal().await(WorkerProtocolError.class, e -> true, WAIT);
            assertThat(error.reason()).isEqualTo(closed.reason());
            assertThat(worker.received()).isEmpty();
        }
    }

    @Test
    void should_close_with_reason_when_a_registered_worker_registers_again(LiveKitSimulator sim) {
        // GIVEN a registered worker
        try (FakeAgentWorker worker = Sims.worker(sim, "twice").connect()) {
            // WHEN it sends register a second time
            worker.register();

            // THEN the socket is closed, naming the worker
            FakeAgentWorker.Closed closed = worker.awaitClosed(WAIT);
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("worker " + worker.workerId() + " is already registered");
            assertThat(sim.journal().await(WorkerProtocolError.class, e -> true, WAIT).workerId())
                    .isEqualTo(worker.workerId());
        }
    }
}
