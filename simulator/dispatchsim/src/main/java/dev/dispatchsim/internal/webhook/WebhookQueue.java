package dev.dispatchsim.internal.webhook;

import dev.dispatchsim.internal.clock.DurationText;
import dev.dispatchsim.internal.engine.ListenerContext;
import dev.dispatchsim.journal.JournalEvent.WebhookDropped;
import dev.dispatchsim.journal.JournalEvent.WebhookQueued;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The events of one room for one URL, as livekit-server queues them: in order, one at a time (the next
 * goes out only when the previous is delivered or given up), at most 200 waiting (more are dropped), and
 * an event that waited more than 30 s by the time its turn comes is dropped instead of sent. Lives on the
 * engine thread.
 */
final class WebhookQueue {

    static final int MAX_DEPTH = 200;
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    /** Sends one delivery (with its retries) and runs {@code done} when it is delivered or given up. */
    interface Sender {
        void send(WebhookQueue queue, Delivery delivery, Runnable done);
    }

    private record Waiting(Delivery delivery, Instant since) {
    }

    private final ListenerContext engine;
    private final Sender sender;
    private final Consumer<WebhookQueue> onIdle;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    /** Held by reorder rules until the next event of this queue has been queued. */
    private final List<Delivery> held = new ArrayList<>();
    private boolean busy;
    private boolean closed;

    WebhookQueue(ListenerContext engine, Sender sender, Consumer<WebhookQueue> onIdle) {
        this.engine = engine;
        this.sender = sender;
        this.onIdle = onIdle;
    }

    /** Queues the event, then whatever a reorder rule held back for it to overtake. */
    void offer(Delivery delivery) {
        add(delivery);
        List<Delivery> released = List.copyOf(held);
        held.clear();
        released.forEach(this::add);
        pump();
    }

    /** Keeps the event back until the next one has been queued (the reorder effect). */
    void hold(Delivery delivery) {
        held.add(delivery);
    }

    /**
     * No event of this queue will be sent any more: those waiting are dropped, journalled with {@code reason}
     * (null: journal nothing, for a reset, which empties the journal anyway), and an attempt in flight is
     * not followed up.
     */
    void close(String reason) {
        closed = true;
        if (reason != null) {
            waiting.forEach(w -> drop(w.delivery(), reason));
            held.forEach(d -> drop(d, reason));
        }
        waiting.clear();
        held.clear();
    }

    boolean isClosed() {
        return closed;
    }

    private void add(Delivery delivery) {
        if (waiting.size() >= MAX_DEPTH) {
            drop(delivery, "the queue for room '" + delivery.room() + "' already holds " + MAX_DEPTH + " events");
            return;
        }
        waiting.add(new Waiting(delivery, engine.now()));
        engine.journal(new WebhookQueued(delivery.url(), delivery.eventId(), delivery.event(), delivery.room(),
                delivery.participant(), delivery.agent()));
    }

    private void pump() {
        while (!busy && !closed && !waiting.isEmpty()) {
            Waiting next = waiting.poll();
            Duration age = Duration.between(next.since(), engine.now());
            if (age.compareTo(MAX_AGE) > 0) {
                drop(next.delivery(), "it waited " + DurationText.format(age) + " in the queue, more than "
                        + DurationText.format(MAX_AGE));
                continue;
            }
            busy = true;
            sender.send(this, next.delivery(), this::done);
        }
        if (!busy && waiting.isEmpty() && held.isEmpty()) {
            onIdle.accept(this);
        }
    }

    private void done() {
        busy = false;
        pump();
    }

    private void drop(Delivery delivery, String reason) {
        engine.journal(new WebhookDropped(delivery.url(), delivery.eventId(), delivery.event(), delivery.room(),
                delivery.participant(), delivery.agent(), reason));
    }
}
