package dev.dispatchsim.internal.webhook;

import dev.dispatchsim.internal.clock.SeededRandoms;
import dev.dispatchsim.internal.engine.Ids;
import dev.dispatchsim.internal.engine.ListenerContext;
import dev.dispatchsim.internal.engine.WorldListener;
import dev.dispatchsim.internal.fault.FaultContext;
import dev.dispatchsim.internal.fault.FaultDecision;
import dev.dispatchsim.internal.fault.FaultDecisions;
import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.internal.fault.WebhookEventNames;
import dev.dispatchsim.journal.JournalEvent.WebhookDropped;
import dev.dispatchsim.journal.JournalEvent.WebhooksChanged;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.model.Room;
import dev.dispatchsim.model.Track;
import dev.dispatchsim.proto.WebhookEvent;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns what happens in the simulated world into webhook events and puts each into the queue of its
 * room, once per URL, after asking the {@code webhook} fault rules about it. Event ids ({@code EV_} + 12
 * characters) come from a generator of their own, derived from the seed, so turning webhooks on shifts
 * no room, participant or job id; {@code createdAt} is simulated time. Lives on the engine thread.
 */
final class WebhookNotifier implements WorldListener {

    static final String AGENT_NAME_ATTRIBUTE = "lk.agent_name";

    private record QueueKey(String url, String room) {
    }

    private final ListenerContext engine;
    private final List<String> startUrls;
    private final Timers timers;
    private final WebhookQueue.Sender attempts;
    private final Set<String> urls = new LinkedHashSet<>();
    private final Map<QueueKey, WebhookQueue> queues = new LinkedHashMap<>();
    private Ids ids;

    WebhookNotifier(ListenerContext engine, List<String> startUrls, Timers timers, WebhookQueue.Sender attempts) {
        this.engine = engine;
        this.startUrls = List.copyOf(startUrls);
        this.timers = timers;
        this.attempts = attempts;
        this.urls.addAll(startUrls);
        this.ids = newIds();
    }

    @Override
    public void roomStarted(Room room) {
        publish(id -> WebhookBodies.roomEvent(WebhookEventNames.ROOM_STARTED, id, engine.now(), room), room, null);
    }

    @Override
    public void roomFinished(Room room) {
        publish(id -> WebhookBodies.roomEvent(WebhookEventNames.ROOM_FINISHED, id, engine.now(), room), room, null);
    }

    @Override
    public void participantJoined(Room room, Participant participant) {
        publish(id -> WebhookBodies.joined(id, engine.now(), room, participant), room, participant);
    }

    @Override
    public void participantLeft(Room room, Participant participant, String reason) {
        publish(id -> WebhookBodies.left(id, engine.now(), room, participant, reason), room, participant);
    }

    @Override
    public void trackPublished(Room room, Participant participant, Track track) {
        publish(id -> WebhookBodies.trackEvent(WebhookEventNames.TRACK_PUBLISHED, id, engine.now(), room, participant,
                track), room, participant);
    }

    @Override
    public void trackUnpublished(Room room, Participant participant, Track track) {
        publish(id -> WebhookBodies.trackEvent(WebhookEventNames.TRACK_UNPUBLISHED, id, engine.now(), room, participant,
                track), room, participant);
    }

    /** Back to the URLs the simulator started with, nothing queued, ids from the start of their sequence. */
    @Override
    public void reset() {
        queues.values().forEach(q -> q.close(null));
        queues.clear();
        timers.cancelAll();
        urls.clear();
        urls.addAll(startUrls);
        ids = newIds();
    }

    List<String> urls() {
        return List.copyOf(urls);
    }

    /** Adds {@code url} (already validated); events from now on go to it too. */
    List<String> add(String url) {
        if (urls.add(url)) {
            engine.journal(new WebhooksChanged(urls()));
        }
        return urls();
    }

    /** Removes {@code url}, dropping what is queued for it; empty when it was not configured. */
    Optional<List<String>> remove(String url) {
        if (!urls.remove(url)) {
            return Optional.empty();
        }
        queues.entrySet().removeIf(entry -> {
            if (entry.getKey().url().equals(url)) {
                entry.getValue().close("the webhook URL was removed");
                return true;
            }
            return false;
        });
        engine.journal(new WebhooksChanged(urls()));
        return Optional.of(urls());
    }

    private void publish(Function<String, WebhookEvent> event, Room room, Participant participant) {
        if (urls.isEmpty()) {
            return; // no id drawn either: a simulator without webhooks journals nothing about them
        }
        WebhookEvent made = event.apply(ids.next("EV_"));
        byte[] body = WebhookBodies.encode(made);
        for (String url : urls) {
            route(url, made, body, room, participant);
        }
    }

    private void route(String url, WebhookEvent event, byte[] body, Room room, Participant participant) {
        String identity = participant == null ? "" : participant.identity();
        String agent = participant != null && participant.kind() == ParticipantKind.AGENT
                ? participant.attributes().getOrDefault(AGENT_NAME_ATTRIBUTE, "") : "";
        List<FaultDecision> decisions = engine.decide(FaultContext.at(HookPoint.WEBHOOK).webhookEvent(event.getEvent())
                .roomName(room.name()).url(url).participant(participant == null ? null : identity)
                .participantKind(participant == null ? null : participant.kind()).agentName(agent.isEmpty() ? null : agent));
        Optional<FaultDecision> dropped = FaultDecisions.terminal(decisions).filter(d -> d.effect() instanceof FaultEffect.Drop);
        if (dropped.isPresent()) {
            engine.journal(new WebhookDropped(url, event.getId(), event.getEvent(), room.name(), identity, agent,
                    "dropped by fault rule '" + dropped.get().rule() + "'"));
            return;
        }
        Optional<FaultDecision> failed = FaultDecisions.terminal(decisions).filter(d -> d.effect() instanceof FaultEffect.Fail);
        int failStatus = failed.map(d -> ((FaultEffect.Fail.HttpStatus) ((FaultEffect.Fail) d.effect()).failure()).status())
                .orElse(0);
        Delivery delivery = new Delivery(url, event.getId(), event.getEvent(), room.name(), identity, agent, body,
                FaultDecisions.totalDelay(decisions), failStatus, failed.map(FaultDecision::rule).orElse(""));
        WebhookQueue queue = queue(url, room.name());
        if (FaultDecisions.effects(decisions, FaultEffect.Reorder.class).isEmpty()) {
            queue.offer(delivery);
        } else {
            queue.hold(delivery);
        }
        for (FaultEffect.Duplicate duplicate : FaultDecisions.effects(decisions, FaultEffect.Duplicate.class)) {
            if (duplicate.offset().isZero()) {
                queue.offer(delivery);
            } else {
                timers.later(duplicate.offset(), () -> {
                    if (urls.contains(url)) {
                        queue(url, room.name()).offer(delivery);
                    }
                });
            }
        }
    }

    private WebhookQueue queue(String url, String room) {
        QueueKey key = new QueueKey(url, room);
        // an idle queue leaves the map, so a long run with many rooms keeps only the busy ones
        return queues.computeIfAbsent(key, k -> new WebhookQueue(engine, attempts, idle -> queues.remove(k, idle)));
    }

    private Ids newIds() {
        return new Ids(SeededRandoms.mix(engine.seed(), "webhook-events"));
    }
}
