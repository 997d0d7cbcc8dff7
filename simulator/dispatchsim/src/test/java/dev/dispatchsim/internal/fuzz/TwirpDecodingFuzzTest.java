package dev.dispatchsim.internal.fuzz;

import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.internal.auth.Claims;
import dev.dispatchsim.internal.auth.VideoGrant;
import dev.dispatchsim.internal.engine.Engine;
import dev.dispatchsim.internal.engine.EngineConfig;
import dev.dispatchsim.internal.service.AgentDispatchHandlers;
import dev.dispatchsim.internal.service.RoomServiceHandlers;
import dev.dispatchsim.internal.twirp.TwirpMethod;
import dev.dispatchsim.internal.twirp.TwirpResponse;
import dev.dispatchsim.internal.twirp.TwirpRouter;
import dev.dispatchsim.proto.CreateAgentDispatchRequest;
import dev.dispatchsim.proto.CreateRoomRequest;
import dev.dispatchsim.proto.RoomAgentDispatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Twirp request body, however broken, gets an answer: a value or a Twirp error with a declared code,
 * never an exception that escapes the router, never a 5xx, never a hang. Bodies are random bytes and valid
 * requests (protobuf and JSON) with random damage, for every method, with and without grants.
 */
@Timeout(600)
class TwirpDecodingFuzzTest {

    private static final Set<Integer> DECLARED = Set.of(200, 400, 401, 404, 409, 412);
    private static final List<byte[]> VALID_PROTOBUF = List.of(
            CreateRoomRequest.newBuilder().setName("room-1").setMetadata("{\"a\":1}")
                    .addAgents(RoomAgentDispatch.newBuilder().setAgentName("stt").setMetadata("m")).build().toByteArray(),
            CreateAgentDispatchRequest.newBuilder().setRoom("room-1").setAgentName("stt").putAttributes("k", "v").build()
                    .toByteArray());
    private static final List<String> VALID_JSON = List.of(
            "{\"name\":\"room-1\",\"emptyTimeout\":30,\"agents\":[{\"agentName\":\"stt\",\"metadata\":\"m\"}]}",
            "{\"room\":\"room-1\",\"agent_name\":\"stt\",\"metadata\":\"{}\",\"attributes\":{\"k\":\"v\"}}",
            "{\"names\":[\"a\",\"b\"]}", "{\"room\":\"r\",\"identity\":\"i\",\"permission\":{\"canPublish\":true}}",
            "{\"room\":\"r\",\"data\":\"aGVsbG8=\",\"kind\":\"RELIABLE\",\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}");

    @Test
    void should_answer_every_body_with_a_value_or_a_declared_twirp_error_when_bodies_are_random_or_damaged()
            throws Exception {
        long seed = Fuzz.seed();
        SplittableRandom random = new SplittableRandom(seed);
        ExecutorService executor = Fuzz.executor();
        try (Engine engine = new Engine(new ManualClock(), EngineConfig.defaults(), (k, r, a, ans, p, now) -> "token", f -> { })) {
            TwirpRouter router = new TwirpRouter().addAll(new RoomServiceHandlers(engine).methods())
                    .addAll(new AgentDispatchHandlers(engine).methods());
            List<String> paths = new ArrayList<>();
            for (TwirpMethod<?, ?> method : new RoomServiceHandlers(engine).methods()) {
                paths.add(TwirpRouter.PREFIX + method.path());
            }
            for (TwirpMethod<?, ?> method : new AgentDispatchHandlers(engine).methods()) {
                paths.add(TwirpRouter.PREFIX + method.path());
            }
            Claims granted = new Claims("devkey", "app", "", "", "", Map.of(), new VideoGrant(true, true, false, false, false,
                    "", null, null, null, List.of(), null, false, false, false, false, null, null, ""), null, null,
                    Instant.EPOCH, null);
            int tries = Fuzz.tries();
            for (int i = 0; i < tries; i++) {
                String path = Fuzz.pick(paths, random);
                boolean json = random.nextBoolean();
                byte[] body = body(json, random);
                Claims claims = random.nextBoolean() ? granted : null;
                String input = path + (json ? " json " : " protobuf ") + Fuzz.show(body);
                Fuzz.bounded(executor, seed, i, input, () -> {
                    // WHEN the router gets the body THEN the answer is a value or a declared error, already or soon
                    TwirpResponse response = router.handle("POST", path, json ? "application/json" : "application/protobuf",
                            body, claims).orTimeout(5, TimeUnit.SECONDS).join();
                    assertThat(DECLARED).as(input + " answered " + response.status() + " "
                            + new String(response.body(), StandardCharsets.UTF_8)).contains(response.status());
                });
            }
            // AND the engine still serves
            assertThat(engine.control().state().get(5, TimeUnit.SECONDS)).isNotNull();
        } finally {
            executor.shutdownNow();
        }
    }

    private static byte[] body(boolean json, SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> Fuzz.bytes(random);
            case 1 -> json ? Fuzz.pick(VALID_JSON, random).getBytes(StandardCharsets.UTF_8) : Fuzz.pick(VALID_PROTOBUF, random);
            default -> Fuzz.damaged(json ? Fuzz.pick(VALID_JSON, random).getBytes(StandardCharsets.UTF_8)
                    : Fuzz.pick(VALID_PROTOBUF, random), random);
        };
    }

}
