package dev.dispatchsim.internal.fault;

import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.ParticipantKind;

import java.time.Duration;
import java.util.Objects;

/**
 * What the caller knows about one event at a hook point. Every field except {@code hook},
 * {@code virtualTime} and {@code inFlightDispatches} may be null (not known at this hook); a
 * selector that names a field never matches an event where that field is unknown.
 *
 * @param workerOrder        1-based registration order of the worker; 0 when not known
 * @param webhookEvent       the webhook event's name (room_started, participant_joined, ...)
 * @param participant        the identity a webhook event is about
 * @param participantKind    that participant's kind
 * @param url                the webhook URL the event is queued for
 * @param virtualTime        simulated time since the simulator started
 * @param inFlightDispatches dispatches created but not yet delivered or given up, as the engine counts them
 */
public record FaultContext(
        HookPoint hook,
        String service,
        String method,
        String agentName,
        String roomName,
        DispatchSource dispatchSource,
        JobType jobType,
        String workerId,
        String workerAgentName,
        int workerOrder,
        String metadata,
        String dispatchId,
        String jobId,
        String webhookEvent,
        String participant,
        ParticipantKind participantKind,
        String url,
        Duration virtualTime,
        int inFlightDispatches) {

    public FaultContext {
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(virtualTime, "virtualTime");
        if (workerOrder < 0 || inFlightDispatches < 0) {
            throw new IllegalArgumentException("workerOrder and inFlightDispatches must be >= 0");
        }
    }

    /** Starts a context for an event at {@code hook}. */
    public static Builder at(HookPoint hook) {
        return new Builder(hook);
    }

    public Builder toBuilder() {
        return new Builder(hook).service(service).method(method).agentName(agentName).roomName(roomName)
                .dispatchSource(dispatchSource).jobType(jobType).workerId(workerId)
                .workerAgentName(workerAgentName).workerOrder(workerOrder).metadata(metadata)
                .dispatchId(dispatchId).jobId(jobId).webhookEvent(webhookEvent).participant(participant)
                .participantKind(participantKind).url(url).virtualTime(virtualTime)
                .inFlightDispatches(inFlightDispatches);
    }

    /** Mutable, single-use builder; field names match the record's. */
    public static final class Builder {
        private final HookPoint hook;
        private String service;
        private String method;
        private String agentName;
        private String roomName;
        private DispatchSource dispatchSource;
        private JobType jobType;
        private String workerId;
        private String workerAgentName;
        private int workerOrder;
        private String metadata;
        private String dispatchId;
        private String jobId;
        private String webhookEvent;
        private String participant;
        private ParticipantKind participantKind;
        private String url;
        private Duration virtualTime = Duration.ZERO;
        private int inFlightDispatches;

        private Builder(HookPoint hook) {
            this.hook = hook;
        }

        /** Both halves of a Twirp route, e.g. {@code ("livekit.AgentDispatchService", "CreateDispatch")}. */
        public Builder twirp(String service, String method) {
            return service(service).method(method);
        }

        public Builder service(String v) { service = v; return this; }

        public Builder method(String v) { method = v; return this; }

        public Builder agentName(String v) { agentName = v; return this; }

        public Builder roomName(String v) { roomName = v; return this; }

        public Builder dispatchSource(DispatchSource v) { dispatchSource = v; return this; }

        public Builder jobType(JobType v) { jobType = v; return this; }

        public Builder workerId(String v) { workerId = v; return this; }

        public Builder workerAgentName(String v) { workerAgentName = v; return this; }

        public Builder workerOrder(int v) { workerOrder = v; return this; }

        public Builder metadata(String v) { metadata = v; return this; }

        public Builder dispatchId(String v) { dispatchId = v; return this; }

        public Builder jobId(String v) { jobId = v; return this; }

        public Builder webhookEvent(String v) { webhookEvent = v; return this; }

        public Builder participant(String v) { participant = v; return this; }

        public Builder participantKind(ParticipantKind v) { participantKind = v; return this; }

        public Builder url(String v) { url = v; return this; }

        public Builder virtualTime(Duration v) { virtualTime = v; return this; }

        public Builder inFlightDispatches(int v) { inFlightDispatches = v; return this; }

        public FaultContext build() {
            return new FaultContext(hook, service, method, agentName, roomName, dispatchSource, jobType,
                    workerId, workerAgentName, workerOrder, metadata, dispatchId, jobId, webhookEvent, participant,
                    participantKind, url, virtualTime, inFlightDispatches);
        }
    }
}
