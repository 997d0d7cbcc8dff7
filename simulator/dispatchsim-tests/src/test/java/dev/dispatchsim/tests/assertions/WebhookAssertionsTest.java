package dev.dispatchsim.tests.assertions;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.profile.Profile;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.support.GoldenText;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import dev.dispatchsim.tests.support.WebhookReceiver;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.assertions.SimulatorAssertions.assertThat;
import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook assertions pass on what a real receiver was sent, and their failures name the webhook that went missing. */
@Timeout(60)
class WebhookAssertionsTest {

    @Test
    void should_name_the_dropped_webhook_when_the_agents_participant_joined_was_lost() {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             LiveKitSimulator sim = Sims.manual(21, new ManualClock()).profile(Profile.bundled("agent-joined-webhook-lost"))
                     .webhook(receiver.url()).start();
             FakeAgentWorker worker = Sims.worker(sim, "stt-agent").connect()) {
            VirtualTime time = VirtualTime.of(sim);
            RoomApi api = new RoomApi(sim);
            // GIVEN a room created with its agent, which joins, and a human who joins too
            api.createRoom("session-1", "[{\"agentName\":\"stt-agent\"}]");
            worker.nextAssignment(WAIT);
            time.runUntil("the agent to join", () -> api.listParticipants("session-1").getParticipantsCount() == 1,
                    Duration.ofSeconds(10));
            sim.admin().addParticipant("session-1", "alice", SimParticipant.human());
            time.settle();

            // WHEN / THEN what was delivered passes
            String url = receiver.url();
            assertThat(sim).webhooks().to(url).hasDelivered("room_started").inRoom("session-1");
            assertThat(sim).webhooks().hasDelivered("participant_joined").forParticipant("alice");
            assertThat(sim).webhooks().to(url).hasNotDelivered("room_finished");

            // AND the agent's join, dropped by the profile, fails with the dropped webhook named
            assertFailure("webhook-not-for-agent", url,
                    () -> assertThat(sim).webhooks().to(url).hasDelivered("participant_joined").forAgent("stt-agent"));
            assertFailure("webhook-event-not-sent", url, () -> assertThat(sim).webhooks().to(url).hasDelivered("participant_join"));
            assertFailure("webhook-unknown-url", url, () -> assertThat(sim).webhooks().to(url.replace("/livekit", "/livekt")));
            assertFailure("webhook-delivered-after-all", url, () -> assertThat(sim).webhooks().hasNotDelivered("room_started"));
        }
    }

    /** The receiver's port differs on every run: the golden files say {@code <receiver>} for it. */
    private static void assertFailure(String golden, String url, ThrowingCallable assertion) {
        String base = url.substring(0, url.indexOf("/livekit"));
        assertThatThrownBy(assertion).isInstanceOf(AssertionError.class).satisfies(failure ->
                GoldenText.assertMatches("assertions/" + golden, failure.getMessage().replace(base, "<receiver>")));
    }
}
