package dev.dispatchsim.internal.auth;

import java.util.List;

/**
 * The {@code video} claim of a LiveKit access token, with LiveKit's JSON names.
 *
 * <p>Plain booleans are false when absent. The {@code Boolean} fields are nullable on purpose:
 * LiveKit gives an absent {@code canPublish} / {@code canSubscribe} a default of true and an absent
 * {@code canPublishData} the value of canPublish, so "absent" and "false" must stay distinguishable;
 * the {@code effective...} methods apply those defaults. Strings are never null ("" when absent).
 */
public record VideoGrant(
        boolean roomCreate,
        boolean roomList,
        boolean roomRecord,
        boolean roomAdmin,
        boolean roomJoin,
        String room,
        Boolean canPublish,
        Boolean canSubscribe,
        Boolean canPublishData,
        List<String> canPublishSources,
        Boolean canUpdateOwnMetadata,
        boolean ingressAdmin,
        boolean hidden,
        boolean recorder,
        boolean agent,
        Boolean canSubscribeMetrics,
        Boolean canManageAgentSession,
        String destinationRoom) {

    /** A token without a {@code video} claim grants nothing. */
    public static final VideoGrant NONE = new VideoGrant(false, false, false, false, false, "",
            null, null, null, List.of(), null, false, false, false, false, null, null, "");

    public VideoGrant {
        room = room == null ? "" : room;
        destinationRoom = destinationRoom == null ? "" : destinationRoom;
        canPublishSources = canPublishSources == null ? List.of() : List.copyOf(canPublishSources);
    }

    public boolean effectiveCanPublish() {
        return canPublish == null || canPublish;
    }

    public boolean effectiveCanSubscribe() {
        return canSubscribe == null || canSubscribe;
    }

    public boolean effectiveCanPublishData() {
        return canPublishData == null ? effectiveCanPublish() : canPublishData;
    }

    public boolean effectiveCanUpdateOwnMetadata() {
        return Boolean.TRUE.equals(canUpdateOwnMetadata);
    }

    public boolean effectiveCanSubscribeMetrics() {
        return Boolean.TRUE.equals(canSubscribeMetrics);
    }

    public boolean effectiveCanManageAgentSession() {
        return Boolean.TRUE.equals(canManageAgentSession);
    }
}
