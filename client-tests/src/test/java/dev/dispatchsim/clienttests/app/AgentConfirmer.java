package dev.dispatchsim.clienttests.app;

import livekit.LivekitModels.ParticipantInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a backend learns that the agent really arrived: from the agent participant's
 * {@code participant_joined} webhook. The robust backend waits for it with a deadline and then asks
 * ListParticipants, because a webhook can be lost; the naive one ({@code withoutFallback}) trusts the
 * webhook alone, and is stuck the day it does not come.
 */
public final class AgentConfirmer {

    /** How it ended: confirmed (by which means) or not, with the reason. */
    public record Confirmation(boolean confirmed, String identity, String via, String detail) {
    }

    private final WebhookInbox inbox;
    private final LiveKitApi api;
    private final AppClock clock;
    private final Duration window;
    private final Duration poll;
    private final boolean fallback;

    private AgentConfirmer(WebhookInbox inbox, LiveKitApi api, AppClock clock, Duration window, boolean fallback) {
        this.inbox = inbox;
        this.api = api;
        this.clock = clock;
        this.window = window;
        this.poll = Duration.ofMillis(500);
        this.fallback = fallback;
    }

    public static AgentConfirmer withListParticipantsFallback(WebhookInbox inbox, LiveKitApi api, AppClock clock, Duration window) {
        return new AgentConfirmer(inbox, api, clock, window, true);
    }

    public static AgentConfirmer withoutFallback(WebhookInbox inbox, AppClock clock, Duration window) {
        return new AgentConfirmer(inbox, null, clock, window, false);
    }

    public Confirmation confirm(String room, String agentName) throws InterruptedException {
        Instant deadline = clock.now().plus(window);
        while (true) {
            Optional<ParticipantInfo> joined = inbox.agentJoined(room, agentName);
            if (joined.isPresent()) {
                return new Confirmation(true, joined.get().getIdentity(), "webhook", "participant_joined received");
            }
            if (!clock.now().isBefore(deadline)) {
                break;
            }
            clock.sleep(poll);
        }
        String missing = "no participant_joined webhook for agent '" + agentName + "' in room '" + room + "' within "
                + window.toSeconds() + " s";
        if (!fallback) {
            return new Confirmation(false, null, null, missing);
        }
        ApiResult<List<ParticipantInfo>> listed = api.listParticipants(room);
        Optional<ParticipantInfo> agent = listed.isOk() ? listed.value().stream()
                .filter(p -> p.getKind() == ParticipantInfo.Kind.AGENT
                        && agentName.equals(p.getAttributesMap().get(AgentDispatcher.AGENT_NAME_ATTRIBUTE)))
                .findFirst() : Optional.empty();
        return agent.map(p -> new Confirmation(true, p.getIdentity(), "ListParticipants", missing + "; ListParticipants has it"))
                .orElseGet(() -> new Confirmation(false, null, null, missing + "; ListParticipants " + (listed.isOk()
                        ? "has no such agent either" : listed.describe())));
    }
}
