package dev.dispatchsim.internal.fault;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The named protocol phases where a fault rule can act. The wire names are part of the public
 * profile format: never rename one, only add.
 */
public enum HookPoint {
    /** A Twirp call arrived (context: service, method, plus what the request names). */
    TWIRP_REQUEST("twirp_request"),
    /** A dispatch record was created (context: source, agent, room, metadata). */
    DISPATCH_CREATED("dispatch_created"),
    /** An AvailabilityRequest is about to be sent to the chosen worker. */
    AVAILABILITY_REQUEST("availability_request"),
    /** An AvailabilityResponse was received from a worker. */
    AVAILABILITY_RESPONSE("availability_response"),
    /** A JobAssignment is about to be sent. */
    JOB_ASSIGNMENT("job_assignment"),
    /** The simulated agent participant is about to join the room. */
    AGENT_JOIN("agent_join"),
    /** ListDispatch is about to report a job (or a dispatch that has no delivered job). */
    JOB_STATUS_REPORT("job_status_report"),
    /** A JobTermination is about to be sent. */
    JOB_TERMINATION("job_termination"),
    /** A worker opened the /agent WebSocket (the HTTP upgrade). */
    WORKER_CONNECT("worker_connect"),
    /** A worker's register message was received. */
    WORKER_REGISTER("worker_register"),
    /** Any frame was received from a worker. */
    WORKER_FRAME("worker_frame"),
    /** A webhook event is about to join a URL's queue (context: event, room, participant kind, agent, url). */
    WEBHOOK("webhook");

    private final String wireName;

    HookPoint(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<HookPoint> fromWireName(String name) {
        return Arrays.stream(values()).filter(h -> h.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(HookPoint::wireName).toList();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
