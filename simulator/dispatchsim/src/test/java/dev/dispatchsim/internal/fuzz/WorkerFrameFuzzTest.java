package dev.dispatchsim.internal.fuzz;

import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.internal.engine.Engine;
import dev.dispatchsim.internal.engine.EngineConfig;
import dev.dispatchsim.internal.engine.ClosingOnlyLink;
import dev.dispatchsim.internal.worker.WorkerFrames;
import dev.dispatchsim.proto.AvailabilityResponse;
import dev.dispatchsim.proto.RegisterWorkerRequest;
import dev.dispatchsim.proto.UpdateJobStatus;
import dev.dispatchsim.proto.UpdateWorkerStatus;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.proto.WorkerPing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every worker frame, however broken, binary or text, is either handled or closes only its own socket
 * with a protocol close code (1007, 1008, 1009); nothing escapes the decoder, and the engine keeps serving.
 */
@Timeout(600)
class WorkerFrameFuzzTest {

    private static final Set<Integer> PROTOCOL_CLOSES = Set.of(1007, 1008, 1009);
    private static final List<WorkerMessage> VALID = List.of(
            WorkerMessage.newBuilder().setRegister(RegisterWorkerRequest.newBuilder().setAgentName("stt").setVersion("1.0")
                    .setNamespace("ns")).build(),
            WorkerMessage.newBuilder().setUpdateWorker(UpdateWorkerStatus.newBuilder().setLoad(0.5f)).build(),
            WorkerMessage.newBuilder().setAvailability(AvailabilityResponse.newBuilder().setJobId("AJ_x").setAvailable(true)
                    .setParticipantIdentity("agent-1").putParticipantAttributes("k", "v")).build(),
            WorkerMessage.newBuilder().setUpdateJob(UpdateJobStatus.newBuilder().setJobId("AJ_x").setError("boom")).build(),
            WorkerMessage.newBuilder().setPing(WorkerPing.newBuilder().setTimestamp(42)).build());

    @Test
    void should_handle_or_close_with_a_protocol_code_when_frames_are_random_or_damaged() throws Exception {
        long seed = Fuzz.seed();
        SplittableRandom random = new SplittableRandom(seed);
        ExecutorService executor = Fuzz.executor();
        try (Engine engine = new Engine(new ManualClock(), EngineConfig.defaults(), (k, r, a, ans, p, now) -> "token", f -> { })) {
            int tries = Fuzz.tries();
            for (int i = 0; i < tries; i++) {
                ClosingOnlyLink link = new ClosingOnlyLink();
                String connection = engine.workers().connected(link, "devkey").get(5, TimeUnit.SECONDS);
                WorkerFrames frames = new WorkerFrames(engine.workers(), connection);
                if (random.nextBoolean()) {
                    frames.onBinary(VALID.get(0).toByteArray()); // registered first, half of the time
                }
                boolean text = random.nextInt(4) == 0;
                byte[] frame = frame(random);
                String input = (text ? "text " : "binary ") + Fuzz.show(frame);
                Fuzz.bounded(executor, seed, i, input, () -> {
                    // WHEN the frame arrives
                    if (text) {
                        frames.onText(new String(frame, StandardCharsets.UTF_8));
                    } else {
                        frames.onBinary(frame);
                    }
                    // THEN the engine has dealt with it and still serves; a close is a protocol one
                    assertThat(engine.control().state().orTimeout(5, TimeUnit.SECONDS).join()).isNotNull();
                    if (link.closed()) {
                        assertThat(PROTOCOL_CLOSES).as(input).contains(link.closeCode());
                    }
                });
                engine.workers().closed(connection, 1000, "try over");
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static byte[] frame(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> Fuzz.bytes(random);
            case 1 -> Fuzz.pick(VALID, random).toByteArray();
            default -> Fuzz.damaged(Fuzz.pick(VALID, random).toByteArray(), random);
        };
    }
}
