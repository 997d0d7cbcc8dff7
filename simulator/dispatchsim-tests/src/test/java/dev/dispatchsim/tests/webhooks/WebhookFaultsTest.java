package dev.dispatchsim.tests.webhooks;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.WebhookAttempted;
import dev.dispatchsim.journal.JournalEvent.WebhookDropped;
import dev.dispatchsim.journal.JournalEvent.WebhookSending;
import dev.dispatchsim.profile.Profile;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.support.Sims;
import dev.dispatchsim.tests.support.WebhookReceiver;
import dev.dispatchsim.tests.support.WebhookReceiver.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static dev.dispatchsim.tests.webhooks.WebhookSessionTest.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each webhook fault over a real HTTP receiver, on one short session (a human joins, publishes, leaves:
 * room_started, participant_joined, track_published, track_unpublished, participant_left), under a
 * ManualClock.
 */
@Timeout(60)
class WebhookFaultsTest {

    private static final Instant T0 = ManualClock.DEFAULT_START;
    private static final List<String> SESSION = List.of("room_started", "participant_joined", "track_published",
            "track_unpublished", "participant_left");

    @Test
    void should_never_send_the_event_when_a_drop_rule_matches_it() {
        run("""
                name: lose-joins
                rules:
                  - name: lose-join
                    at: webhook
                    match: {event: participant_joined, participant_kind: STANDARD}
                    do: drop
                """, (sim, receiver) -> {
            assertThat(events(receiver.awaitCount(4, WAIT))).containsExactly("room_started", "track_published",
                    "track_unpublished", "participant_left");
            WebhookDropped dropped = sim.journal().events(WebhookDropped.class).get(0);
            assertThat(dropped.event()).isEqualTo("participant_joined");
            assertThat(dropped.participant()).isEqualTo("alice");
            assertThat(dropped.reason()).isEqualTo("dropped by fault rule 'lose-join'");
            FaultApplied fault = sim.journal().events(FaultApplied.class).get(0);
            assertThat(fault.hookPoint()).isEqualTo("webhook");
            assertThat(fault.effect()).isEqualTo(new AppliedEffect.Dropped());
            assertThat(fault.targets()).containsEntry("event", "participant_joined").containsEntry("participant", "alice")
                    .containsEntry("url", receiver.url()).containsEntry("room", "faults");
        });
    }

    @Test
    void should_hold_the_room_queue_when_a_delay_rule_matches_its_first_event() {
        run("""
                name: late-start
                rules:
                  - name: late-room-started
                    at: webhook
                    match: {event: room_started}
                    do: {type: delay, fixed: 5s}
                """, (sim, receiver) -> {
            assertThat(events(receiver.awaitCount(5, WAIT))).containsExactlyElementsOf(SESSION);
            // the held event went out at 5 s, and the four behind it waited for it
            assertThat(sendTimes(sim)).containsExactly(5L, 5L, 5L, 5L, 5L);
        });
    }

    @Test
    void should_send_the_event_twice_with_the_same_id_when_a_duplicate_rule_matches_it() {
        run("""
                name: twice
                rules:
                  - name: join-twice
                    at: webhook
                    match: {event: participant_joined}
                    do: {type: duplicate, offset: 2s}
                """, (sim, receiver) -> {
            List<Request> requests = receiver.awaitCount(6, WAIT);
            assertThat(events(requests)).containsExactly("room_started", "participant_joined", "track_published",
                    "track_unpublished", "participant_left", "participant_joined");
            assertThat(field(requests.get(5), "id")).isEqualTo(field(requests.get(1), "id"));
            assertThat(requests.get(5).bodyText()).isEqualTo(requests.get(1).bodyText());
            assertThat(sendTimes(sim)).containsExactly(0L, 0L, 0L, 0L, 0L, 2L);
        });
    }

    @Test
    void should_swap_the_event_with_the_next_one_when_a_reorder_rule_matches_it() {
        run("""
                name: swapped
                rules:
                  - name: join-after-publish
                    at: webhook
                    match: {event: participant_joined}
                    do: reorder
                """, (sim, receiver) -> {
            assertThat(events(receiver.awaitCount(5, WAIT))).containsExactly("room_started", "track_published",
                    "participant_joined", "track_unpublished", "participant_left");
            assertThat(sim.journal().events(FaultApplied.class)).extracting(FaultApplied::effect)
                    .containsExactly(new AppliedEffect.Reordered());
        });
    }

    @Test
    void should_retry_as_after_a_real_503_and_never_reach_the_receiver_when_a_fail_rule_matches() {
        run("""
                name: unavailable
                rules:
                  - name: receiver-unavailable
                    at: webhook
                    match: {event: room_started}
                    do: {type: fail, http_status: 503}
                """, (sim, receiver) -> {
            // THEN the receiver gets everything but room_started, after room_started's five attempts (15 s)
            assertThat(events(receiver.awaitCount(4, WAIT))).containsExactlyElementsOf(SESSION.subList(1, 5));
            List<WebhookAttempted> attempts = sim.journal().events(WebhookAttempted.class).stream()
                    .filter(a -> a.event().equals("room_started")).toList();
            assertThat(attempts).extracting(WebhookAttempted::status).containsExactly(503, 503, 503, 503, 503);
            assertThat(attempts).allSatisfy(a -> assertThat(a.error()).contains("fault rule 'receiver-unavailable'"));
            assertThat(sendTimes(sim)).containsExactly(0L, 1L, 3L, 7L, 15L, 15L, 15L, 15L, 15L);
            assertThat(sim.journal().events(WebhookDropped.class)).singleElement()
                    .satisfies(d -> assertThat(d.reason()).startsWith("gave up after 5 attempts"));
        });
    }

    @Test
    void should_count_the_event_as_delivered_without_sending_it_when_a_fail_rule_answers_400() {
        run("""
                name: refused
                rules:
                  - name: receiver-refuses
                    at: webhook
                    match: {event: room_started}
                    do: {type: fail, http_status: 400}
                """, (sim, receiver) -> {
            assertThat(events(receiver.awaitCount(4, WAIT))).containsExactlyElementsOf(SESSION.subList(1, 5));
            assertThat(sim.journal().events(WebhookAttempted.class).get(0)).satisfies(a -> {
                assertThat(a.status()).isEqualTo(400);
                assertThat(a.delivered()).isTrue();
                assertThat(a.retryIn()).isNull();
            });
            assertThat(sim.journal().events(WebhookDropped.class)).isEmpty();
        });
    }

    /**
     * Runs the session under {@code profile} with a receiver, lets 19 s of simulated time pass (the empty room
     * closes at 20 s, its departure timeout, which would add a room_finished), then checks.
     */
    private static void run(String profile, BiConsumer<LiveKitSimulator, WebhookReceiver> then) {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             LiveKitSimulator sim = Sims.manual(9, new ManualClock()).profile(Profile.fromYaml(profile))
                     .webhook(receiver.url()).start()) {
            VirtualTime time = VirtualTime.of(sim);
            // GIVEN the profile  WHEN a human joins, publishes and leaves, and 19 s pass
            sim.admin().addParticipant("faults", "alice", SimParticipant.human());
            sim.admin().publishTrack("faults", "alice", "mic", "AUDIO", "MICROPHONE");
            sim.admin().removeParticipant("faults", "alice");
            time.advance(Duration.ofSeconds(19));
            // THEN
            then.accept(sim, receiver);
        }
    }

    static List<String> events(List<Request> requests) {
        return requests.stream().map(r -> field(r, "event")).toList();
    }

    /** When each attempt went out, in whole seconds of simulated time since the start. */
    static List<Long> sendTimes(LiveKitSimulator sim) {
        return sim.journal().entries().stream().filter(e -> e.event() instanceof WebhookSending)
                .map(JournalEntry::virtualTime).map(t -> Duration.between(T0, t).toSeconds()).toList();
    }
}
