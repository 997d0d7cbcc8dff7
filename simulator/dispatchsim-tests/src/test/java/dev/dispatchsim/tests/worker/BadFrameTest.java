package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.WorkerProtocolError;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.RegisterWorkerRequest;
import dev.dispatchsim.proto.UpdateJobStatus;
import dev.dispatchsim.proto.UpdateWorkerStatus;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad frame closes only the socket that sent it, with a close code and a reason the worker sees,
 * journals a WorkerProtocolError, and leaves the simulator serving every other worker.
 */
@Timeout(60)
@LiveKitSimulatorTest(seed = 13)
class BadFrameTest {

    /** One bad frame: whether the socket registers first, how the frame is sent, and the close it must get. */
    record Case(String name, boolean registerFirst, Consumer<FakeAgentWorker> send, int code, String reasonPrefix) {
        @Override
        public String toString() {
            return name;
        }
    }

    private FakeAgentWorker bystander;

    static Stream<Case> badFrames(LiveKitSimulator sim) {
        return Stream.of(
                new Case("undecodable binary", true, w -> w.sendRaw(new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff}),
                        1007, "undecodable WorkerMessage: "),
                new Case("undecodable text", true, w -> w.sendText("{not json"), 1007, "undecodable WorkerMessage JSON: "),
                new Case("unknown message field", true, w -> w.sendRaw(HexFormat.of().parseHex("a00101")),
                        1008, "unknown WorkerMessage: no known message field is set"),
                new Case("empty message", true, w -> w.sendRaw(new byte[0]),
                        1008, "unknown WorkerMessage: no known message field is set"),
                new Case("register job type out of range", false, w -> w.send(register(RegisterWorkerRequest.newBuilder()
                        .setAgentName("x").setTypeValue(7))), 1008, "invalid job type 7 in register; valid: 0 (JT_ROOM)"),
                new Case("register deployment with underscore", false, w -> w.send(register(RegisterWorkerRequest.newBuilder()
                        .setAgentName("x").setDeployment("blue_green"))), 1008,
                        "invalid deployment 'blue_green': no '_', whitespace or control characters"),
                new Case("register deployment over 64 bytes", false, w -> w.send(register(RegisterWorkerRequest.newBuilder()
                        .setAgentName("x").setDeployment("d".repeat(65)))), 1008, "deployment too long: at most 64 bytes"),
                new Case("worker status out of range", true, w -> w.send(WorkerMessage.newBuilder().setUpdateWorker(
                        UpdateWorkerStatus.newBuilder().setStatusValue(5)).build()), 1008, "invalid worker status 5; valid: "),
                new Case("job status out of range", true, w -> w.send(WorkerMessage.newBuilder().setUpdateJob(
                        UpdateJobStatus.newBuilder().setJobId("AJ_x").setStatusValue(9)).build()), 1008,
                        "invalid job status 9; valid: "),
                new Case("binary frame over 2 MiB", true, w -> w.sendRaw(new byte[2 * 1024 * 1024 + 1]), 1009,
                        "frame of 2097153 bytes exceeds the 2 MiB limit"),
                // 1.5 Mi characters of 2 UTF-8 bytes each: 3 MiB on the wire, though fewer than 2 Mi characters
                new Case("text frame over 2 MiB in UTF-8 bytes", true, w -> w.sendText("é".repeat(1536 * 1024)), 1009,
                        "frame of 3145728 bytes exceeds the 2 MiB limit"));
    }

    @BeforeEach
    void start(LiveKitSimulator sim) {
        bystander = Sims.worker(sim, "bystander").connect();
    }

    @AfterEach
    void stop() {
        bystander.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void should_close_only_the_sending_socket_with_a_reason_when_frame_is_bad(Case bad, LiveKitSimulator sim) {
        // GIVEN a second socket (registered or not, as the case needs)
        try (FakeAgentWorker culprit = Sims.worker(sim, "culprit").withoutRegister().open()) {
            if (bad.registerFirst()) {
                culprit.register();
                culprit.awaitRegistered(WAIT);
            }

            // WHEN it sends the bad frame
            bad.send().accept(culprit);

            // THEN it sees the close code and the reason (a close frame holds at most 123 bytes of it)
            FakeAgentWorker.Closed closed = culprit.awaitClosed(WAIT);
            assertThat(closed.code()).isEqualTo(bad.code());
            assertThat(closed.remote()).isTrue();
            WorkerProtocolError error = sim.journal().await(WorkerProtocolError.class, e -> true, WAIT);
            assertThat(error.closeCode()).isEqualTo(bad.code());
            assertThat(error.reason()).startsWith(bad.reasonPrefix());
            String sent = closed.reason().endsWith("...") ? closed.reason().substring(0, closed.reason().length() - 3)
                    : closed.reason();
            assertThat(error.reason()).startsWith(sent);
            assertThat(sent).startsWith(bad.reasonPrefix().substring(0, Math.min(bad.reasonPrefix().length(), sent.length())));

            // AND the other worker is still served: it gets the next job
            new RoomApi(sim).createRoom("after-" + bad.name().replace(' ', '-'), "[{\"agentName\":\"bystander\"}]");
            assertThat(bystander.nextAssignment(WAIT).getJob().getAgentName()).isEqualTo("bystander");
            sim.journal().await(JobAssigned.class, a -> a.workerId().equals(bystander.workerId()), WAIT);
            assertThat(bystander.isOpen()).isTrue();
        }
    }

    private static WorkerMessage register(RegisterWorkerRequest.Builder request) {
        return WorkerMessage.newBuilder().setRegister(request).build();
    }
}
