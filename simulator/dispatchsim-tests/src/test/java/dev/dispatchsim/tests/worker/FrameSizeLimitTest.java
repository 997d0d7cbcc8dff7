package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.WorkerProtocolError;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.UpdateJobStatus;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** The 2 MiB limit is inclusive, as gorilla's read limit: a frame of exactly 2 MiB is read (over it: see BadFrameTest). */
@Timeout(30)
@LiveKitSimulatorTest(seed = 17)
class FrameSizeLimitTest {

    private static final int LIMIT = 2 * 1024 * 1024;

    @Test
    void should_read_the_frame_when_it_is_exactly_2_mib(LiveKitSimulator sim) {
        // GIVEN a registered worker and a valid WorkerMessage of exactly 2 MiB (an update for an unknown job)
        try (FakeAgentWorker worker = Sims.worker(sim, "big").connect()) {
            byte[] frame = messageOfSize(LIMIT).toByteArray();
            assertThat(frame).hasSize(LIMIT);

            // WHEN it is sent
            worker.sendRaw(frame);

            // THEN the socket stays open and served (the update for an unknown job is ignored, as the real server does)
            worker.ping(3);
            assertThat(worker.nextPong(WAIT).getLastTimestamp()).isEqualTo(3);
            assertThat(sim.journal().events(WorkerProtocolError.class)).isEmpty();
        }
    }

    private static WorkerMessage messageOfSize(int size) {
        int padding = size - 16;
        WorkerMessage message = withPadding(padding);
        while (message.getSerializedSize() != size) {
            padding += size - message.getSerializedSize();
            message = withPadding(padding);
        }
        return message;
    }

    private static WorkerMessage withPadding(int padding) {
        return WorkerMessage.newBuilder().setUpdateJob(UpdateJobStatus.newBuilder()
                .setJobId("AJ_unknown").setError("x".repeat(padding))).build();
    }
}
