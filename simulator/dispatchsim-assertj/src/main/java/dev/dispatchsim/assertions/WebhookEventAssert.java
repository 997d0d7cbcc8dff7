package dev.dispatchsim.assertions;

import org.assertj.core.api.AbstractAssert;

import java.util.List;

/** The delivered webhooks of one event name; narrow them to the agent or participant they are about. */
public final class WebhookEventAssert extends AbstractAssert<WebhookEventAssert, String> {

    private final List<WebhookTrail> delivered;
    private final List<WebhookTrail> all;
    private final String destination;
    private final String event;

    WebhookEventAssert(List<WebhookTrail> delivered, List<WebhookTrail> all, String destination, String event) {
        super(event, WebhookEventAssert.class);
        this.delivered = delivered;
        this.all = all;
        this.destination = destination;
        this.event = event;
    }

    /** One of them is about an agent participant of that agent name (e.g. its participant_joined). */
    public WebhookEventAssert forAgent(String agentName) {
        if (delivered.stream().noneMatch(t -> t.isAboutAgent(agentName))) {
            failWithMessage("%s", WebhookMessages.notForAgent(destination, event, agentName, delivered, all));
        }
        return this;
    }

    /** One of them is about the participant of that identity. */
    public WebhookEventAssert forParticipant(String identity) {
        if (delivered.stream().noneMatch(t -> t.queued().participant().equals(identity))) {
            failWithMessage("%s", WebhookMessages.notForParticipant(destination, event, identity, delivered, all));
        }
        return this;
    }

    /** One of them is about room {@code room}. */
    public WebhookEventAssert inRoom(String room) {
        if (delivered.stream().noneMatch(t -> t.queued().room().equals(room))) {
            failWithMessage("%s", WebhookMessages.notInRoom(destination, event, room, delivered, all));
        }
        return this;
    }
}
