package dev.dispatchsim.journal;

import java.time.Instant;

/** One journal line: a sequence number, the simulated time, the wall time (ignored for determinism) and the event. */
public record JournalEntry(long seq, Instant virtualTime, Instant wallTime, JournalEvent event) {

    public String type() {
        return event.type();
    }

    /** The part the determinism contract covers: everything but wall time (a webhook attempt's latency is wall time too). */
    public String deterministicForm() {
        JournalEvent timeless = event instanceof JournalEvent.WebhookAttempted attempt ? attempt.withoutLatency() : event;
        return seq + " " + virtualTime + " " + timeless;
    }
}
