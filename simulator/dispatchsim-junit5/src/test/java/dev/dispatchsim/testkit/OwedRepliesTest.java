package dev.dispatchsim.testkit;

import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.AvailabilityAnswered;
import dev.dispatchsim.journal.JournalEvent.AvailabilityRequested;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;
import dev.dispatchsim.journal.JournalEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which worker answers the engine still waits for, from the journal alone. */
class OwedRepliesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<JournalEntry> journal = new ArrayList<>();

    @Test
    void should_owe_an_answer_when_an_offer_went_out_and_nothing_closed_it() {
        // GIVEN an offer
        at(0, new AvailabilityRequested("AJ_1", "AW_1"));

        // WHEN / THEN the engine waits for AW_1's answer
        assertThat(OwedReplies.find(journal, T0)).containsExactly(Map.entry("AJ_1 from AW_1", T0));
    }

    @Test
    void should_owe_nothing_when_the_offer_was_answered_or_its_worker_left() {
        // GIVEN one offer answered, one to a worker that disconnected
        at(0, new AvailabilityRequested("AJ_1", "AW_1"));
        at(0, new AvailabilityAnswered("AJ_1", "AW_1", true, false, "agent-AJ_1"));
        at(0, new AvailabilityRequested("AJ_2", "AW_2"));
        at(0, new WorkerDisconnected("AW_2", "conn-2", 1006, "", List.of()));

        // WHEN / THEN
        assertThat(OwedReplies.find(journal, T0)).isEmpty();
    }

    @Test
    void should_owe_nothing_when_a_fault_dropped_the_offer() {
        // GIVEN an offer a rule dropped
        at(0, new AvailabilityRequested("AJ_1", "AW_1"));
        at(0, fault("availability_request", new AppliedEffect.Dropped(), "AJ_1", "AW_1"));

        // WHEN / THEN only time (the availability timeout) moves it on
        assertThat(OwedReplies.find(journal, T0)).isEmpty();
    }

    @Test
    void should_owe_a_delayed_offer_only_once_its_delays_added_up_are_due() {
        // GIVEN an offer delayed by two rules, 1 s and 2 s
        at(0, new AvailabilityRequested("AJ_1", "AW_1"));
        at(0, fault("availability_request", new AppliedEffect.Delayed(Duration.ofSeconds(1)), "AJ_1", "AW_1"));
        at(0, fault("availability_request", new AppliedEffect.Delayed(Duration.ofSeconds(2)), "AJ_1", "AW_1"));

        // WHEN / THEN held before 3 s, owed from 3 s
        assertThat(OwedReplies.find(journal, T0.plusMillis(2999))).isEmpty();
        assertThat(OwedReplies.find(journal, T0.plusSeconds(3))).containsOnlyKeys("AJ_1 from AW_1");
    }

    private void at(long millis, JournalEvent event) {
        journal.add(new JournalEntry(journal.size() + 1, T0.plusMillis(millis), T0, event));
    }

    private static FaultApplied fault(String hook, AppliedEffect effect, String job, String worker) {
        return new FaultApplied("rule", hook, effect, Map.of("job", job, "worker", worker), null);
    }
}
