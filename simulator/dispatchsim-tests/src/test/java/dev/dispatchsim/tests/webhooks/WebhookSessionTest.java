package dev.dispatchsim.tests.webhooks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.WebhookAttempted;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import dev.dispatchsim.tests.support.WebhookReceiver;
import dev.dispatchsim.tests.support.WebhookReceiver.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole session's webhooks over a real HTTP receiver, as livekit-server sends them: the events in
 * order in one room queue, the body as proto3 JSON (lowerCamelCase, defaults left out, int64 as
 * strings), the headers, and a raw JWT whose sha256 claim covers the exact body bytes.
 */
@Timeout(60)
class WebhookSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_send_every_event_of_a_session_in_order_when_a_webhook_url_is_configured() {
        ManualClock clock = new ManualClock();
        try (WebhookReceiver receiver = WebhookReceiver.start();
             LiveKitSimulator sim = Sims.manual(11, clock).webhook(receiver.url()).start();
             FakeAgentWorker worker = Sims.worker(sim, "stt-agent").connect()) {
            VirtualTime time = VirtualTime.of(sim);
            RoomApi api = new RoomApi(sim);

            // GIVEN a session: a room created with its agent, whose job the worker takes
            api.createRoom("checkout", "[{\"agentName\":\"stt-agent\"}]");
            String agent = "agent-" + worker.nextAssignment(WAIT).getJob().getId();
            time.runUntil("the agent to join", () -> api.listParticipants("checkout").getParticipantsCount() == 1,
                    Duration.ofSeconds(10));
            // the agent joins agentJoinDelay after its assignment: what follows happens at this moment
            long agentJoinedAt = clock.now().getEpochSecond();

            // WHEN a human joins, publishes, leaves, and the app deletes the room
            sim.admin().addParticipant("checkout", "alice", SimParticipant.human());
            sim.admin().publishTrack("checkout", "alice", "mic", "AUDIO", "MICROPHONE");
            sim.admin().removeParticipant("checkout", "alice");
            api.deleteRoom("checkout");
            time.settle();

            // THEN the receiver got every event, in the order it happened
            List<Request> requests = receiver.awaitCount(8, WAIT);
            assertThat(requests.stream().map(r -> field(r, "event")).toList()).containsExactly("room_started",
                    "participant_joined", "participant_joined", "track_published", "track_unpublished",
                    "participant_left", "participant_left", "room_finished");
            assertThat(requests.stream().map(r -> json(r).path("participant").path("identity").asText()).toList())
                    .containsExactly("", agent, "alice", "alice", "alice", "alice", agent, "");
            assertThat(json(requests.get(1)).path("participant").path("kind").asText()).isEqualTo("AGENT");
            assertThat(json(requests.get(1)).path("participant").path("attributes").path("lk.agent_name").asText())
                    .isEqualTo("stt-agent");
            assertThat(json(requests.get(5)).path("participant").path("state").asText()).isEqualTo("DISCONNECTED");
            assertThat(json(requests.get(5)).path("participant").path("disconnectReason").asText()).isEqualTo("CLIENT_INITIATED");
            assertThat(json(requests.get(6)).path("participant").path("disconnectReason").asText()).isEqualTo("ROOM_DELETED");
            assertThat(json(requests.get(3)).path("track").path("sid").asText()).startsWith("TR_");
            assertThat(json(requests.get(3)).path("participant").size()).as("only sid and identity").isEqualTo(2);
            assertThat(requests).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.header("Content-Type")).isEqualTo("application/webhook+json");
                assertThat(r.header("User-Agent")).isEqualTo("LiveKit");
                assertThat(field(r, "id")).matches("EV_[2-9A-HJ-NP-Za-km-z]{12}");
                assertThat(json(r).path("room").path("name").asText()).isEqualTo("checkout");
            });
            String start = String.valueOf(ManualClock.DEFAULT_START.getEpochSecond());
            String later = String.valueOf(agentJoinedAt);
            assertThat(requests.stream().map(r -> field(r, "createdAt")).toList())
                    .as("int64 as a string, unix seconds of simulated time")
                    .containsExactly(start, later, later, later, later, later, later, later);
            assertThat(sim.journal().events(WebhookAttempted.class)).hasSize(8)
                    .allSatisfy(a -> assertThat(a.delivered()).isTrue());
        }
    }

    @Test
    void should_sign_the_exact_body_with_a_bare_jwt_when_the_webhook_key_is_configured() {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             LiveKitSimulator sim = LiveKitSimulator.builder().apiKeys(java.util.Map.of("devkey", "secret",
                     "hookkey", "hook-secret-0123456789")).webhook(receiver.url()).webhookKey("hookkey").start()) {
            // GIVEN a simulator that signs webhooks with its second key
            // WHEN a room is created
            new RoomApi(sim).createRoom("signed", null);

            // THEN the Authorization header is the JWT itself, signed with that key, carrying the body's hash
            Request request = receiver.awaitCount(1, WAIT).get(0);
            String authorization = request.header("Authorization");
            assertThat(authorization).doesNotStartWith("Bearer").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            DecodedJWT token = JWT.require(Algorithm.HMAC256("hook-secret-0123456789")).withIssuer("hookkey").build()
                    .verify(authorization);
            assertThat(token.getClaim("sha256").asString()).isEqualTo(request.bodySha256());
            assertThat(Duration.between(token.getNotBefore().toInstant(), token.getExpiresAt().toInstant())).isEqualTo(Duration.ofMinutes(5));
            assertThat(token.getSubject()).isNull();
            assertThat(token.getClaim("video").isMissing()).isTrue();

            // AND the body is proto3 JSON with LiveKit's names, defaults left out
            JsonNode room = json(request).path("room");
            assertThat(room.path("sid").asText()).startsWith("RM_");
            assertThat(room.has("emptyTimeout")).isTrue();
            assertThat(room.has("empty_timeout")).isFalse();
            assertThat(room.has("numParticipants")).as("0 is a default, left out").isFalse();
            assertThat(json(request).has("participant")).isFalse();
            assertThat(room.path("creationTime").isTextual()).as("int64 as a string").isTrue();
        }
    }

    static String field(Request request, String name) {
        return json(request).path(name).asText();
    }

    static JsonNode json(Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
