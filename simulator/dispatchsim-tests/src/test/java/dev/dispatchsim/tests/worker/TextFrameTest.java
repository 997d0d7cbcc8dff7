package dev.dispatchsim.tests.worker;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.AvailabilityResponse;
import dev.dispatchsim.proto.RegisterWorkerRequest;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.proto.WorkerPing;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text frames carry protojson; after a text frame the server answers in text (camelCase, defaults
 * omitted) until a binary frame switches it back, as the Go server does (reference 4.1).
 */
@Timeout(30)
@LiveKitSimulatorTest(seed = 21)
class TextFrameTest {

    @Test
    void should_answer_in_text_when_worker_speaks_protojson_text(LiveKitSimulator sim) throws Exception {
        // GIVEN a socket that registers with a text frame
        try (FakeAgentWorker worker = Sims.worker(sim, "texter").withoutRegister().open()) {
            worker.sendText(json(register("texter")));

            // WHEN the server answers
            String answer = worker.nextTextFrame(WAIT);

            // THEN the register answer is protojson text with camelCase names
            ServerMessage registered = parse(answer);
            assertThat(registered.getRegister().getWorkerId()).startsWith("AW_");
            assertThat(answer).contains("\"workerId\"").contains("\"serverInfo\"").doesNotContain("worker_id");

            // AND a job offered afterwards comes as text, and a text answer to it gets a text assignment
            new RoomApi(sim).createRoom("text-room", "[{\"agentName\":\"texter\"}]");
            ServerMessage offer = parse(worker.nextTextFrame(WAIT));
            String jobId = offer.getAvailability().getJob().getId();
            worker.sendText(json(WorkerMessage.newBuilder().setAvailability(AvailabilityResponse.newBuilder()
                    .setJobId(jobId).setAvailable(true).setParticipantIdentity("agent-text")).build()));
            ServerMessage assignment = parse(worker.nextTextFrame(WAIT));
            assertThat(assignment.getAssignment().getJob().getId()).isEqualTo(jobId);
            assertThat(worker.received()).isEmpty();
        }
    }

    @Test
    void should_switch_back_to_binary_when_worker_sends_a_binary_frame(LiveKitSimulator sim) throws Exception {
        // GIVEN a worker registered in text
        try (FakeAgentWorker worker = Sims.worker(sim, "switcher").withoutRegister().open()) {
            worker.sendText(json(register("switcher")));
            parse(worker.nextTextFrame(WAIT));

            // WHEN it pings in binary
            worker.ping(77);

            // THEN the pong is binary
            assertThat(worker.nextPong(WAIT).getLastTimestamp()).isEqualTo(77);
        }
    }

    @Test
    void should_answer_each_frame_in_its_own_format_when_text_and_binary_frames_follow_at_once(LiveKitSimulator sim) throws Exception {
        // GIVEN a socket
        try (FakeAgentWorker worker = Sims.worker(sim, "mixed").withoutRegister().open()) {
            // WHEN a text register and a binary ping are sent back to back, and then a text ping
            worker.sendText(json(register("mixed")));
            worker.ping(5);
            worker.sendText(json(WorkerMessage.newBuilder().setPing(WorkerPing.newBuilder().setTimestamp(6)).build()));

            // THEN the register is answered in text, the binary ping in binary, the text ping in text
            assertThat(parse(worker.nextTextFrame(WAIT)).hasRegister()).isTrue();
            assertThat(worker.nextPong(WAIT).getLastTimestamp()).isEqualTo(5);
            assertThat(parse(worker.nextTextFrame(WAIT)).getPong().getLastTimestamp()).isEqualTo(6);
        }
    }

    private static WorkerMessage register(String agentName) {
        return WorkerMessage.newBuilder().setRegister(RegisterWorkerRequest.newBuilder().setAgentName(agentName)).build();
    }

    private static String json(WorkerMessage message) throws InvalidProtocolBufferException {
        return JsonFormat.printer().print(message);
    }

    private static ServerMessage parse(String text) throws InvalidProtocolBufferException {
        ServerMessage.Builder message = ServerMessage.newBuilder();
        JsonFormat.parser().merge(text, message);
        return message.build();
    }
}
