package dev.dispatchsim.internal.fault;

import java.util.List;

/**
 * The webhook events the simulator sends, by their wire names. livekit-server also defines egress_*,
 * ingress_* and agent_job_* events; the simulator has no egress or ingress, and the open-source server
 * never sends agent_job_*, so neither does it. The {@code event} selector accepts only these names.
 */
public final class WebhookEventNames {

    public static final String ROOM_STARTED = "room_started";
    public static final String ROOM_FINISHED = "room_finished";
    public static final String PARTICIPANT_JOINED = "participant_joined";
    public static final String PARTICIPANT_LEFT = "participant_left";
    public static final String PARTICIPANT_CONNECTION_ABORTED = "participant_connection_aborted";
    public static final String TRACK_PUBLISHED = "track_published";
    public static final String TRACK_UNPUBLISHED = "track_unpublished";

    public static final List<String> ALL = List.of(ROOM_STARTED, ROOM_FINISHED, PARTICIPANT_JOINED, PARTICIPANT_LEFT,
            PARTICIPANT_CONNECTION_ABORTED, TRACK_PUBLISHED, TRACK_UNPUBLISHED);

    private WebhookEventNames() {
    }
}
