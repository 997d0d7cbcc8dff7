package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.WorkerRegistered;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HexFormat;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real @livekit/agents 1.9.0 worker's first frame (as captured from its session), replayed byte for
 * byte: the Node worker dies unless the first server message is the register answer.
 */
@Timeout(30)
@LiveKitSimulatorTest(seed = 1)
class NodeWorkerRegisterGoldenTest {

    private static final String REGISTER_HEX = "0a1e1a05312e392e303a0a0801100118015001580142097374742d6167656e74";

    @Test
    void should_answer_register_first_when_captured_node_register_frame_is_replayed(LiveKitSimulator sim) {
        // GIVEN a socket that sends nothing by itself
        try (FakeAgentWorker worker = Sims.worker(sim, "ignored").withoutRegister().open()) {
            // WHEN it sends the captured 32 bytes
            worker.sendRaw(HexFormat.of().parseHex(REGISTER_HEX));

            // THEN the first (and only) message back is RegisterWorkerResponse
            String workerId = worker.awaitRegistered(WAIT);
            assertThat(worker.received()).extracting(ServerMessage::getMessageCase)
                    .containsExactly(ServerMessage.MessageCase.REGISTER);

            // AND the simulator registered a JT_ROOM worker for "stt-agent", as the frame says
            WorkerRegistered registered = sim.journal().await(WorkerRegistered.class, r -> r.workerId().equals(workerId), WAIT);
            assertThat(registered.agentName()).isEqualTo("stt-agent");
            assertThat(registered.jobType()).isEqualTo(JobType.JT_ROOM);
            assertThat(sim.admin().workers().get(0).registration().version()).isEqualTo("1.9.0");
        }
    }
}
