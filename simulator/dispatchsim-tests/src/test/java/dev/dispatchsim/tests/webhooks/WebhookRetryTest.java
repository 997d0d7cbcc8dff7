package dev.dispatchsim.tests.webhooks;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.WebhookAttempted;
import dev.dispatchsim.journal.JournalEvent.WebhookDropped;
import dev.dispatchsim.journal.JournalEvent.WebhookSending;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import dev.dispatchsim.tests.support.WebhookReceiver;
import dev.dispatchsim.tests.support.WebhookReceiver.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery as livekit-server does it, under a ManualClock: retries at the real backoff times on 5xx, 429
 * and connection errors, none on other 4xx, and events that wait more than 30 s in their room's queue
 * dropped. No wall-clock wait: {@link VirtualTime} moves the clock once each answer is in.
 */
@Timeout(60)
class WebhookRetryTest {

    private static final Instant T0 = ManualClock.DEFAULT_START;

    @Test
    void should_deliver_on_the_fourth_attempt_at_the_backoff_times_when_the_receiver_answers_503_three_times() {
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(503, 503, 503);
             LiveKitSimulator sim = Sims.manual(3, new ManualClock()).start()) {
            // GIVEN a receiver that answers 503 three times, then 200, added at run time
            sim.admin().addWebhook(receiver.url());
            VirtualTime time = VirtualTime.of(sim);

            // WHEN a room is created and time runs until its room_started is delivered
            new RoomApi(sim).createRoom("retry", null);
            time.runUntil("room_started delivered", () -> delivered(sim) > 0, Duration.ofSeconds(30));

            // THEN attempts went out at 0, 1, 3 and 7 s (waits of 1, 2 and 4 s), the fourth delivered
            assertThat(sends(sim).stream().map(e -> Duration.between(T0, e.virtualTime()).toSeconds()).toList())
                    .containsExactly(0L, 1L, 3L, 7L);
            assertThat(sim.journal().events(WebhookAttempted.class).stream().map(WebhookAttempted::status).toList())
                    .containsExactly(503, 503, 503, 200);
            assertThat(sim.journal().events(WebhookAttempted.class).stream().map(WebhookAttempted::retryIn).toList())
                    .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), null);
            List<WebhookReceiver.Request> requests = receiver.received();
            assertThat(requests).hasSize(4).extracting(WebhookReceiver.Request::bodyText).containsOnly(requests.get(0).bodyText());
        }
    }

    @Test
    void should_not_retry_and_go_on_with_the_next_event_when_the_receiver_answers_400() {
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(400);
             LiveKitSimulator sim = Sims.manual(3, new ManualClock()).webhook(receiver.url()).start()) {
            VirtualTime time = VirtualTime.of(sim);
            // GIVEN a receiver that refuses the first event with 400
            new RoomApi(sim).createRoom("refused", null);
            time.settle();

            // WHEN a minute passes and the room is deleted
            time.advance(Duration.ofMinutes(1));
            new RoomApi(sim).deleteRoom("refused");
            time.runUntil("room_finished delivered", () -> delivered(sim) == 2, Duration.ofSeconds(10));

            // THEN room_started was sent once (a 4xx counts as delivered), and room_finished followed
            assertThat(receiver.received()).extracting(WebhookReceiver.Request::answeredWith).containsExactly(400, 200);
            assertThat(sim.journal().events(WebhookAttempted.class)).extracting(WebhookAttempted::attempt).containsExactly(1, 1);
            assertThat(sim.journal().events(WebhookDropped.class)).isEmpty();
        }
    }

    @Test
    void should_wait_what_retry_after_asks_when_the_receiver_answers_429() {
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(new Answer(429, "12"));
             LiveKitSimulator sim = Sims.manual(3, new ManualClock()).webhook(receiver.url()).start()) {
            VirtualTime time = VirtualTime.of(sim);
            // GIVEN a receiver that answers 429 with Retry-After: 12
            // WHEN an event goes out
            new RoomApi(sim).createRoom("throttled", null);
            time.runUntil("room_started delivered", () -> delivered(sim) > 0, Duration.ofSeconds(60));

            // THEN the retry came 12 s later, not 1 s
            assertThat(sends(sim).stream().map(e -> Duration.between(T0, e.virtualTime()).toSeconds()).toList())
                    .containsExactly(0L, 12L);
        }
    }

    @Test
    void should_give_up_after_five_attempts_and_drop_what_waited_over_30_s_when_the_receiver_is_dead() {
        try (LiveKitSimulator sim = Sims.manual(3, new ManualClock()).webhook("http://127.0.0.1:" + closedPort() + "/hook")
                .start()) {
            VirtualTime time = VirtualTime.of(sim);
            // GIVEN a URL where nothing listens, and four events of one room queued at once
            sim.admin().addParticipant("dead", "alice", SimParticipant.human()); // room_started, participant_joined
            sim.admin().publishTrack("dead", "alice", "mic", "AUDIO", "MICROPHONE");
            sim.admin().addParticipant("dead", "bob", SimParticipant.human());

            // WHEN a minute passes
            time.advance(Duration.ofMinutes(1));

            // THEN each of the first three was tried 5 times (0, 1, 3, 7, 15 s after its turn came) and given up,
            // and the fourth, whose turn came 45 s after it was queued, was dropped unsent
            List<WebhookDropped> dropped = sim.journal().events(WebhookDropped.class);
            assertThat(dropped).extracting(WebhookDropped::event)
                    .containsExactly("room_started", "participant_joined", "track_published", "participant_joined");
            assertThat(dropped.subList(0, 3)).allSatisfy(d -> assertThat(d.reason()).startsWith("gave up after 5 attempts"));
            assertThat(dropped.get(3).reason()).isEqualTo("it waited 45s in the queue, more than 30s");
            assertThat(dropped.get(3).participant()).isEqualTo("bob");
            assertThat(sends(sim).stream().map(e -> Duration.between(T0, e.virtualTime()).toSeconds()).toList())
                    .containsExactly(0L, 1L, 3L, 7L, 15L, 15L, 16L, 18L, 22L, 30L, 30L, 31L, 33L, 37L, 45L);
            assertThat(sim.journal().events(WebhookAttempted.class)).allSatisfy(a -> {
                assertThat(a.status()).isZero();
                assertThat(a.error()).isNotEmpty();
            });
        }
    }

    private static List<JournalEntry> sends(LiveKitSimulator sim) {
        return sim.journal().entries().stream().filter(e -> e.event() instanceof WebhookSending).toList();
    }

    private static long delivered(LiveKitSimulator sim) {
        return sim.journal().events(WebhookAttempted.class).stream().filter(WebhookAttempted::delivered).count();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }
}
