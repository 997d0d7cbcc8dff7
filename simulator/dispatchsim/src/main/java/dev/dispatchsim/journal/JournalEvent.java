package dev.dispatchsim.journal;

import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.model.WorkerStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The ground-truth vocabulary: what really happened, whatever the APIs were made to report.
 * One record per kind of event; {@link #type()} is the name the journal API filters on.
 */
public sealed interface JournalEvent {

    default String type() {
        return getClass().getSimpleName();
    }

    /** {@code cause}: create_room, create_dispatch or join (a simulated participant's join created it). */
    record RoomCreated(String room, String sid, String cause) implements JournalEvent {
    }

    /** {@code reason}: deleted, empty_timeout, departure_timeout or reset. */
    record RoomClosed(String room, String sid, String reason) implements JournalEvent {
    }

    record ParticipantJoined(String room, String identity, String sid, ParticipantKind kind) implements JournalEvent {
    }

    record ParticipantLeft(String room, String identity, ParticipantKind kind, String reason) implements JournalEvent {
    }

    record TrackPublished(String room, String identity, String trackSid) implements JournalEvent {
    }

    record DispatchCreated(String room, String dispatchId, String agentName, DispatchSource source) implements JournalEvent {
    }

    record DispatchDeleted(String room, String dispatchId) implements JournalEvent {
    }

    record JobCreated(String room, String dispatchId, String jobId, String agentName, JobType jobType) implements JournalEvent {
    }

    /** No worker got the job; {@code registeredAgents} lists "agent_name/JOB_TYPE" of every registered worker, for the near miss. */
    record DispatchUndeliverable(String room, String dispatchId, String jobId, String agentName, String reason,
                                 List<String> registeredAgents) implements JournalEvent {
    }

    record WorkerConnected(String connectionId) implements JournalEvent {
    }

    record WorkerRegistered(String workerId, String connectionId, String agentName, JobType jobType,
                            String deployment, int order) implements JournalEvent {
    }

    record WorkerStatusUpdated(String workerId, WorkerStatus status, float load) implements JournalEvent {
    }

    /** {@code workerId} is empty when the socket closed before registering. */
    record WorkerDisconnected(String workerId, String connectionId, int code, String reason,
                              List<String> forgottenJobIds) implements JournalEvent {
    }

    /** The simulator closed a worker socket because of what the worker sent. */
    record WorkerProtocolError(String workerId, String connectionId, int closeCode, String reason) implements JournalEvent {
    }

    record AvailabilityRequested(String jobId, String workerId) implements JournalEvent {
    }

    record AvailabilityAnswered(String jobId, String workerId, boolean available, boolean terminate,
                                String participantIdentity) implements JournalEvent {
    }

    record AvailabilityTimedOut(String jobId, String workerId) implements JournalEvent {
    }

    /** An answer that came too late for the server to act on (it was ignored: no assignment, no retry). */
    record AvailabilityAnswerIgnored(String jobId, String workerId, boolean available, String reason)
            implements JournalEvent {
    }

    /** The server considers the job assigned; {@code delivered} is false when a fault kept the frame from the worker. */
    record JobAssigned(String jobId, String workerId, String participantIdentity, boolean delivered) implements JournalEvent {
    }

    /**
     * A job the listing lag kept out of ListDispatch is listed now (JS_RUNNING), {@code listingLag} after its
     * assignment. Journalled only for lagged listings: any other job is listed the moment it is assigned.
     */
    record JobListed(String jobId, String dispatchId) implements JournalEvent {
    }

    /**
     * A delayed or duplicated action was not carried out because, when its time came, it no longer applied:
     * {@code hookPoint} names it (availability_request, job_assignment, job_termination, agent_join) and
     * {@code reason} says why, e.g. "job no longer offered" (the job timed out, went to another worker, or
     * its dispatch or room was deleted meanwhile).
     */
    record ActionDropped(String hookPoint, String jobId, String workerId, String reason) implements JournalEvent {
    }

    /** What the worker reported with UpdateJobStatus. */
    record JobStatusUpdated(String jobId, String workerId, JobStatus status, String error) implements JournalEvent {
    }

    record JobTerminated(String jobId, String workerId, JobStatus status, String reason, boolean sent) implements JournalEvent {
    }

    /**
     * A fault rule fired. {@code targets}: the room, dispatch, job, worker and agent it concerned (those known
     * at its hook point) and {@code occurrence}, the rule's count of matching events; {@code draw}: the number
     * in [0, 1) compared with the rule's probability, null when it has none.
     */
    record FaultApplied(String rule, String hookPoint, AppliedEffect effect, Map<String, String> targets, Double draw)
            implements JournalEvent {
    }

    /**
     * A Twirp call was answered. {@code room} and {@code ids} (agent, dispatch, identity: those the request
     * named) say what it was about; {@code status}, {@code code} ("ok", a Twirp code, or "http_NNN" for a plain
     * answer) and {@code error} (the message the client got; empty when it succeeded) say how it went.
     */
    record TwirpCall(String service, String method, String room, Map<String, String> ids, int status, String code,
                     String error) implements JournalEvent {
    }

    record DataSent(String room, int bytes, String topic) implements JournalEvent {
    }

    /**
     * A call was addressed to something no server handles ({@code reason}: a room that is not live, a
     * participant not in the room). As on livekit-server, whose internal RPC layer retries before it gives up,
     * it is answered 503 {@code unavailable} "no response from servers" only {@code answeredAfter} later
     * (simulated time).
     */
    record NoResponse(String room, String call, String reason, Duration answeredAfter) implements JournalEvent {
    }

    record ProfileLoaded(String name) implements JournalEvent {
    }
}
