package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.clienttests.app.LiveKitApi;
import dev.dispatchsim.clienttests.app.WebhookInbox;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.junit.SimulatorRuntimeInfo;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;
import io.livekit.server.WebhookReceiver;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java SDK's own {@link WebhookReceiver} (io.livekit:livekit-server 0.13.0), unmodified, verifies and
 * decodes every webhook of a scripted session, and rejects each body altered by one byte.
 */
@Timeout(60)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 15)
class JavaSdkWebhookReceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void should_verify_and_decode_every_webhook_of_a_session_and_reject_altered_bodies_when_the_sdk_receives_them(
            LiveKitSimulator sim, SimulatorRuntimeInfo info, VirtualTime time) {
        LiveKitApi api = new LiveKitApi(info.httpUrl(), info.apiKey(), info.apiSecret());
        try (WebhookInbox inbox = new WebhookInbox(info.apiKey(), info.apiSecret());
             FakeAgentWorker worker = FakeAgentWorker.builder(info.wsUrl(), info.apiKey(), info.apiSecret())
                     .agentName("stt-agent").connect()) {
            sim.admin().addWebhook(inbox.url());

            // GIVEN a session: CreateRoom with the agent, the worker's job, the agent joins
            assertThat(api.createRoomWithAgent("webhook-room", "stt-agent", "").isOk()).isTrue();
            String agent = "agent-" + worker.nextAssignment(WAIT).getJob().getId();
            time.runUntil("the agent to join", () -> api.listParticipants("webhook-room").value().size() == 1,
                    Duration.ofSeconds(10));
            // WHEN a human joins, publishes and leaves, and the app deletes the room
            sim.admin().addParticipant("webhook-room", "alice", SimParticipant.human());
            sim.admin().publishTrack("webhook-room", "alice", "mic", "AUDIO", "MICROPHONE");
            sim.admin().removeParticipant("webhook-room", "alice");
            assertThat(api.deleteRoom("webhook-room").isOk()).isTrue();
            time.settle();

            // THEN the SDK accepted every request, and decoded every event type of the session
            assertThat(inbox.rejected()).isEmpty();
            List<WebhookEvent> events = inbox.events();
            assertThat(events).hasSize(inbox.raw().size()).extracting(WebhookEvent::getEvent).containsExactlyInAnyOrder(
                    "room_started", "participant_joined", "participant_joined", "track_published", "track_unpublished",
                    "participant_left", "participant_left", "room_finished");
            assertThat(events.get(0).getEvent()).isEqualTo("room_started");
            assertThat(events.get(events.size() - 1).getEvent()).isEqualTo("room_finished");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.getId()).startsWith("EV_");
                assertThat(e.getCreatedAt()).as("unix seconds of simulated time")
                        .isBetween(ManualClock.DEFAULT_START.getEpochSecond(), sim.clock().now().getEpochSecond());
                assertThat(e.getRoom().getName()).isEqualTo("webhook-room");
            });
            assertThat(joined(events, agent)).satisfies(p -> {
                assertThat(p.getKind()).isEqualTo(ParticipantInfo.Kind.AGENT);
                assertThat(p.getAttributesMap()).containsEntry("lk.agent_name", "stt-agent");
            });
            assertThat(joined(events, "alice").getKind()).isEqualTo(ParticipantInfo.Kind.STANDARD);
            assertThat(events).filteredOn(e -> e.getEvent().equals("track_published")).singleElement().satisfies(e -> {
                assertThat(e.getParticipant().getIdentity()).isEqualTo("alice");
                assertThat(e.getTrack().getSid()).startsWith("TR_");
                assertThat(e.getTrack().getType()).isEqualTo(TrackType.AUDIO);
                assertThat(e.getTrack().getSource()).isEqualTo(TrackSource.MICROPHONE);
            });

            // AND each body altered by one byte is refused by the SDK
            WebhookReceiver sdk = new WebhookReceiver(info.apiKey(), info.apiSecret());
            for (WebhookInbox.Raw request : inbox.raw()) {
                byte[] altered = request.body().clone();
                int at = new String(altered, StandardCharsets.UTF_8).indexOf("webhook-room");
                altered[at] = (byte) 'W';
                assertThatThrownBy(() -> sdk.receive(new String(altered, StandardCharsets.UTF_8), request.authorization()))
                        .as("altered %s", new String(altered, StandardCharsets.UTF_8)).isInstanceOf(Exception.class);
                assertThat(sdk.receive(new String(request.body(), StandardCharsets.UTF_8), request.authorization()).getId())
                        .startsWith("EV_");
            }
        }
    }

    private static ParticipantInfo joined(List<WebhookEvent> events, String identity) {
        return events.stream().filter(e -> e.getEvent().equals("participant_joined")
                && e.getParticipant().getIdentity().equals(identity)).findFirst().orElseThrow().getParticipant();
    }
}
