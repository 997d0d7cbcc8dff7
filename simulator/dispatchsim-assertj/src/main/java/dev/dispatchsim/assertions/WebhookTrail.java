package dev.dispatchsim.assertions;

import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.WebhookAttempted;
import dev.dispatchsim.journal.JournalEvent.WebhookDropped;
import dev.dispatchsim.journal.JournalEvent.WebhookQueued;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One webhook event on its way to one URL, put together from the journal: what was queued (the event, its
 * room, the participant and agent it is about), whether an attempt delivered it, and why it was dropped.
 */
record WebhookTrail(WebhookQueued queued, Optional<WebhookAttempted> delivered, Optional<WebhookDropped> dropped,
                    int attempts) {

    /**
     * Every event meant for {@code url} (all URLs when null) in the order it happened: queued, or dropped by a
     * fault before it was queued. A duplicate's copies count once.
     */
    static List<WebhookTrail> of(Evidence evidence, String url) {
        Map<String, WebhookQueued> queued = new LinkedHashMap<>();
        for (JournalEntry entry : evidence.journal()) {
            // a fault's drop keeps the event out of the queue: its WebhookDropped is all there is of it
            WebhookQueued q = entry.event() instanceof WebhookQueued w ? w
                    : entry.event() instanceof WebhookDropped d ? new WebhookQueued(d.url(), d.eventId(), d.event(), d.room(),
                    d.participant(), d.agent()) : null;
            if (q != null && (url == null || q.url().equals(url))) {
                queued.putIfAbsent(key(q.url(), q.eventId()), q);
            }
        }
        List<WebhookTrail> trails = new ArrayList<>();
        for (Map.Entry<String, WebhookQueued> entry : queued.entrySet()) {
            List<WebhookAttempted> attempts = evidence.events(WebhookAttempted.class).stream()
                    .filter(a -> key(a.url(), a.eventId()).equals(entry.getKey())).toList();
            Optional<WebhookDropped> dropped = evidence.events(WebhookDropped.class).stream()
                    .filter(d -> key(d.url(), d.eventId()).equals(entry.getKey())).findFirst();
            trails.add(new WebhookTrail(entry.getValue(), attempts.stream().filter(WebhookAttempted::delivered).findFirst(),
                    dropped, attempts.size()));
        }
        return trails;
    }

    String event() {
        return queued.event();
    }

    boolean isDelivered() {
        return delivered.isPresent();
    }

    boolean isAboutAgent(String agentName) {
        return queued.agent().equals(agentName);
    }

    /** "participant_joined EV_x in room 'r' for agent 'a' (participant 'p')", then how it ended. */
    String describe() {
        StringBuilder text = new StringBuilder(queued.event()).append(' ').append(queued.eventId())
                .append(" in room '").append(queued.room()).append('\'');
        if (!queued.agent().isEmpty()) {
            text.append(" for agent '").append(queued.agent()).append("' (participant '").append(queued.participant()).append("')");
        } else if (!queued.participant().isEmpty()) {
            text.append(" for participant '").append(queued.participant()).append('\'');
        }
        if (delivered.isPresent()) {
            text.append(": delivered (HTTP ").append(delivered.get().status()).append(", attempt ").append(delivered.get().attempt()).append(')');
        } else if (dropped.isPresent()) {
            String reason = dropped.get().reason();
            text.append(": ").append(reason.startsWith("dropped") ? reason : "dropped: " + reason);
        } else {
            text.append(": not delivered yet (").append(attempts).append(" attempt(s) so far)");
        }
        return text.toString();
    }

    private static String key(String url, String eventId) {
        return url + ' ' + eventId;
    }
}
