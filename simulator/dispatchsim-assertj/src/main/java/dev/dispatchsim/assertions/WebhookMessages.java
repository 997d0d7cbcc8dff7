package dev.dispatchsim.assertions;

import dev.dispatchsim.journal.JournalEvent.WebhookQueued;
import dev.dispatchsim.journal.JournalEvent.WebhooksChanged;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Failure messages of the webhook assertions, in the style of {@link SimulatorMessages}: what was expected,
 * what was delivered instead, and the near miss (the same event dropped by a fault or still retrying, a
 * similar event name or agent name). Golden-file tested.
 */
final class WebhookMessages {

    private WebhookMessages() {
    }

    /** The URLs in force, then any used earlier (added and removed), in first-seen order. */
    static List<String> knownUrls(Evidence evidence, List<String> inForce) {
        Set<String> known = new LinkedHashSet<>(inForce);
        evidence.events(WebhooksChanged.class).forEach(c -> known.addAll(c.urls()));
        evidence.events(WebhookQueued.class).forEach(q -> known.add(q.url()));
        return List.copyOf(known);
    }

    static String unknownUrl(String url, List<String> known) {
        return known.isEmpty() ? "no webhooks to '" + url + "': no webhook URL was ever configured"
                : "no webhooks to '" + url + "'; webhook URLs: " + NearMiss.quoted(known) + NearMiss.closestClause(url, known);
    }

    static String notDelivered(String destination, String event, List<WebhookTrail> trails) {
        List<WebhookTrail> same = trails.stream().filter(t -> t.event().equals(event)).toList();
        StringBuilder text = new StringBuilder("no '").append(event).append("' webhook delivered to ").append(destination);
        if (!same.isEmpty()) {
            text.append("; the '").append(event).append("' webhooks:").append(lines(same));
        } else {
            List<String> names = trails.stream().map(WebhookTrail::event).distinct().toList();
            text.append("; none was sent or dropped").append(NearMiss.closestClause(event, names));
        }
        return text.append(sent(trails)).toString();
    }

    static String deliveredAfterAll(String destination, String event, List<WebhookTrail> delivered) {
        return "expected no '" + event + "' webhook delivered to " + destination + ", but " + delivered.size()
                + (delivered.size() == 1 ? " was:" : " were:") + lines(delivered);
    }

    static String notForAgent(String destination, String event, String agent, List<WebhookTrail> delivered,
                              List<WebhookTrail> all) {
        List<String> agents = all.stream().map(t -> t.queued().agent()).filter(a -> !a.isEmpty()).distinct().toList();
        // a similar agent name only helps when no webhook at all was about this one
        return notFor(destination, event, "agent '" + agent + "'", t -> t.isAboutAgent(agent), delivered, all)
                + (agents.contains(agent) ? "" : NearMiss.closestClause(agent, agents));
    }

    static String notForParticipant(String destination, String event, String identity, List<WebhookTrail> delivered,
                                    List<WebhookTrail> all) {
        return notFor(destination, event, "participant '" + identity + "'", t -> t.queued().participant().equals(identity),
                delivered, all);
    }

    static String notInRoom(String destination, String event, String room, List<WebhookTrail> delivered,
                            List<WebhookTrail> all) {
        return notFor(destination, event, "room '" + room + "'", t -> t.queued().room().equals(room), delivered, all);
    }

    private static String notFor(String destination, String event, String whom, Function<WebhookTrail, Boolean> about,
                                 List<WebhookTrail> delivered, List<WebhookTrail> all) {
        StringBuilder text = new StringBuilder("no '").append(event).append("' webhook for ").append(whom)
                .append(" delivered to ").append(destination).append("; delivered '").append(event).append("' webhooks:")
                .append(lines(delivered));
        List<WebhookTrail> missed = all.stream().filter(t -> t.event().equals(event) && !t.isDelivered() && about.apply(t)).toList();
        if (!missed.isEmpty()) {
            text.append("\nthe ones for ").append(whom).append(':').append(lines(missed));
        }
        return text.toString();
    }

    /** Everything else that went to the destination, so the reader sees the webhook conversation. */
    private static String sent(List<WebhookTrail> trails) {
        return trails.isEmpty() ? "\nno webhook was meant for it at all" : "\nevery webhook meant for it:" + lines(trails);
    }

    private static String lines(List<WebhookTrail> trails) {
        return trails.stream().map(t -> "\n  " + t.describe()).collect(Collectors.joining());
    }
}
