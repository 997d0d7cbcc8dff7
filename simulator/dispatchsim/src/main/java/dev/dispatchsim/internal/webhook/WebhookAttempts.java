package dev.dispatchsim.internal.webhook;

import dev.dispatchsim.internal.auth.WebhookSigner;
import dev.dispatchsim.internal.engine.ListenerContext;
import dev.dispatchsim.journal.JournalEvent.WebhookAttempted;
import dev.dispatchsim.journal.JournalEvent.WebhookDropped;
import dev.dispatchsim.journal.JournalEvent.WebhookSending;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Sends one delivery: waits out a delay rule's hold, makes attempt after attempt as {@link RetryPolicy}
 * says, on the simulated clock, and journals each (its start, then how it went). The POST runs on the
 * HTTP client's threads; its answer is posted back to the engine thread, so the engine never waits for
 * a receiver. A fail rule's status answers instead of the receiver, without any I/O.
 */
final class WebhookAttempts implements WebhookQueue.Sender {

    private final ListenerContext engine;
    private final WebhookSigner signer;
    private final WebhookHttp http;
    private final Timers timers;
    /** Wall time: receivers check the token's nbf/exp against theirs, and a Retry-After date is theirs too. */
    private final Supplier<Instant> wallClock;

    WebhookAttempts(ListenerContext engine, WebhookSigner signer, WebhookHttp http, Timers timers,
                    Supplier<Instant> wallClock) {
        this.engine = engine;
        this.signer = signer;
        this.http = http;
        this.timers = timers;
        this.wallClock = wallClock;
    }

    @Override
    public void send(WebhookQueue queue, Delivery delivery, Runnable done) {
        if (delivery.delay().isZero()) {
            attempt(queue, delivery, 1, null, done);
        } else {
            // a late event holds its queue, as a slow send would: the events behind it wait (and age)
            timers.later(delivery.delay(), () -> attempt(queue, delivery, 1, null, done));
        }
    }

    /** {@code token}: signed once, at the first attempt, and reused by the retries, as livekit-server does. */
    private void attempt(WebhookQueue queue, Delivery delivery, int attempt, String token, Runnable done) {
        if (queue.isClosed()) {
            return;
        }
        engine.journal(new WebhookSending(delivery.url(), delivery.eventId(), delivery.event(), delivery.room(), attempt));
        if (delivery.failStatus() != 0) {
            answered(queue, delivery, attempt, token, new WebhookHttp.Answer(delivery.failStatus(), null,
                    "answered by fault rule '" + delivery.failRule() + "', the receiver was not asked", 0), done);
            return;
        }
        String signed = token != null ? token : signer.sign(delivery.body(), wallClock.get());
        http.post(delivery.url(), delivery.body(), signed)
                .thenAccept(answer -> engine.post(() -> answered(queue, delivery, attempt, signed, answer, done)));
    }

    private void answered(WebhookQueue queue, Delivery delivery, int attempt, String token, WebhookHttp.Answer answer,
                          Runnable done) {
        if (queue.isClosed()) {
            return; // reset, or the URL was removed, while the attempt was out
        }
        RetryPolicy.Next next = RetryPolicy.after(attempt, answer.status(), answer.retryAfter(), wallClock.get());
        engine.journal(new WebhookAttempted(delivery.url(), delivery.eventId(), delivery.event(), delivery.room(), attempt,
                answer.status(), answer.error(), answer.latencyMillis(), next.delivered(), next.retryIn()));
        if (next.retryIn() != null) {
            timers.later(next.retryIn(), () -> attempt(queue, delivery, attempt + 1, token, done));
            return;
        }
        if (next.givenUp()) {
            engine.journal(new WebhookDropped(delivery.url(), delivery.eventId(), delivery.event(), delivery.room(),
                    delivery.participant(), delivery.agent(), "gave up after " + attempt + " attempts; the last "
                    + (answer.status() == 0 ? "got no answer: " + answer.error() : "was answered " + answer.status())));
        }
        done.run();
    }
}
