package dev.dispatchsim.internal.worker;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.dispatchsim.internal.engine.SimulatedJob;
import dev.dispatchsim.internal.engine.WorkerCommands;
import dev.dispatchsim.internal.model.AvailabilityAnswer;
import dev.dispatchsim.internal.model.InputLimits;
import dev.dispatchsim.internal.service.ProtoModels;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.WorkerRegistration;
import dev.dispatchsim.model.WorkerStatus;
import dev.dispatchsim.proto.AvailabilityResponse;
import dev.dispatchsim.proto.RegisterWorkerRequest;
import dev.dispatchsim.proto.SimulateJobRequest;
import dev.dispatchsim.proto.UpdateJobStatus;
import dev.dispatchsim.proto.UpdateWorkerStatus;
import dev.dispatchsim.proto.WorkerMessage;

/**
 * Frames from one worker → engine commands. A frame that cannot be understood closes this socket
 * (and only this one) with a reason; the engine journals it.
 */
public final class WorkerFrames {

    /** RFC 6455: the payload is not what the protocol says it is. */
    public static final int INVALID_PAYLOAD = 1007;
    /** RFC 6455: a message the endpoint will not accept. */
    public static final int POLICY_VIOLATION = 1008;
    /** RFC 6455: a message too big to process. */
    public static final int TOO_BIG = 1009;
    /** limit.agent_signal_message_size_limit. */
    public static final int MAX_FRAME_BYTES = 2 * 1024 * 1024;

    private static final JsonFormat.Parser TEXT = JsonFormat.parser().ignoringUnknownFields();

    private final WorkerCommands engine;
    private final String connectionId;

    public WorkerFrames(WorkerCommands engine, String connectionId) {
        this.engine = engine;
        this.connectionId = connectionId;
    }

    public void onBinary(byte[] frame) {
        if (tooBig(frame.length)) {
            return;
        }
        engine.frameFormat(connectionId, false);
        try {
            handle(WorkerMessage.parseFrom(frame));
        } catch (InvalidProtocolBufferException undecodable) {
            engine.protocolError(connectionId, INVALID_PAYLOAD, "undecodable WorkerMessage: " + undecodable.getMessage());
        }
    }

    public void onText(String frame) {
        // The limit is on the bytes of the frame; a Java string counts UTF-16 chars, which undercounts
        // anything outside ASCII, so the UTF-8 length is measured.
        if (tooBig(utf8Length(frame))) {
            return;
        }
        engine.frameFormat(connectionId, true);
        WorkerMessage.Builder message = WorkerMessage.newBuilder();
        try {
            TEXT.merge(frame, message);
        } catch (InvalidProtocolBufferException | RuntimeException undecodable) {
            engine.protocolError(connectionId, INVALID_PAYLOAD, "undecodable WorkerMessage JSON: " + undecodable.getMessage());
            return;
        }
        handle(message.build());
    }

    private boolean tooBig(int length) {
        if (length > MAX_FRAME_BYTES) {
            engine.protocolError(connectionId, TOO_BIG, "frame of " + length + " bytes exceeds the 2 MiB limit");
            return true;
        }
        return false;
    }

    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4; // a surrogate pair is one 4-byte code point
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private void handle(WorkerMessage message) {
        switch (message.getMessageCase()) {
            case REGISTER -> register(message.getRegister());
            case AVAILABILITY -> engine.availability(connectionId, answer(message.getAvailability()));
            case UPDATE_WORKER -> updateWorker(message.getUpdateWorker());
            case UPDATE_JOB -> updateJob(message.getUpdateJob());
            case PING -> engine.ping(connectionId, message.getPing().getTimestamp());
            case SIMULATE_JOB -> simulate(message.getSimulateJob());
            case MIGRATE_JOB -> engine.migrate(connectionId);
            case MESSAGE_NOT_SET -> engine.protocolError(connectionId, POLICY_VIOLATION,
                    "unknown WorkerMessage: no known message field is set");
        }
    }

    private void register(RegisterWorkerRequest request) {
        JobType type = jobType(request.getTypeValue());
        if (type == null) {
            engine.protocolError(connectionId, POLICY_VIOLATION, "invalid job type " + request.getTypeValue()
                    + " in register; valid: 0 (JT_ROOM), 1 (JT_PUBLISHER), 2 (JT_PARTICIPANT)");
            return;
        }
        String tooLong = tooLong("agent_name", request.getAgentName(), InputLimits.MAX_AGENT_NAME_BYTES);
        tooLong = tooLong != null ? tooLong : tooLong("namespace", request.getNamespace(), InputLimits.MAX_WORKER_TEXT_BYTES);
        tooLong = tooLong != null ? tooLong : tooLong("version", request.getVersion(), InputLimits.MAX_WORKER_TEXT_BYTES);
        if (tooLong != null) {
            engine.protocolError(connectionId, POLICY_VIOLATION, tooLong);
            return;
        }
        engine.register(connectionId, new WorkerRegistration(type, request.getAgentName(), request.getVersion(),
                request.hasNamespace() ? request.getNamespace() : "", request.getDeployment(),
                request.hasAllowedPermissions() ? ProtoModels.permissions(request.getAllowedPermissions()) : null,
                request.getPingInterval()));
    }

    /** Null when {@code value} fits; else a close reason short enough for a close frame (123 bytes). */
    private static String tooLong(String field, String value, int max) {
        int bytes = InputLimits.bytes(value);
        return bytes <= max ? null : field + " is " + bytes + " bytes; the limit is " + max + " bytes";
    }

    private void updateWorker(UpdateWorkerStatus update) {
        WorkerStatus status = null;
        if (update.hasStatus()) {
            int value = update.getStatusValue();
            if (value < 0 || value >= WorkerStatus.values().length) {
                engine.protocolError(connectionId, POLICY_VIOLATION, "invalid worker status " + value
                        + "; valid: 0 (WS_AVAILABLE), 1 (WS_FULL)");
                return;
            }
            status = WorkerStatus.values()[value];
        }
        engine.updateWorker(connectionId, status, update.getLoad());
    }

    private void updateJob(UpdateJobStatus update) {
        int value = update.getStatusValue();
        if (value < 0 || value >= JobStatus.values().length) {
            engine.protocolError(connectionId, POLICY_VIOLATION, "invalid job status " + value
                    + "; valid: 0 (JS_PENDING), 1 (JS_RUNNING), 2 (JS_SUCCESS), 3 (JS_FAILED)");
            return;
        }
        engine.updateJob(connectionId, update.getJobId(), JobStatus.values()[value], update.getError());
    }

    private void simulate(SimulateJobRequest request) {
        JobType type = jobType(request.getTypeValue());
        if (type == null) {
            engine.protocolError(connectionId, POLICY_VIOLATION, "invalid job type " + request.getTypeValue() + " in simulate_job");
            return;
        }
        engine.simulateJob(connectionId, new SimulatedJob(type, request.getRoom().getName(), request.getRoom().getSid(),
                request.hasParticipant() ? request.getParticipant().getIdentity() : null));
    }

    private static AvailabilityAnswer answer(AvailabilityResponse response) {
        return new AvailabilityAnswer(response.getJobId(), response.getAvailable(), response.getSupportsResume(),
                response.getTerminate(), response.getParticipantName(), response.getParticipantIdentity(),
                response.getParticipantMetadata(), response.getParticipantAttributesMap());
    }

    private static JobType jobType(int value) {
        return value >= 0 && value < JobType.values().length ? JobType.values()[value] : null;
    }
}
