package dev.dispatchsim.internal.service;

import dev.dispatchsim.internal.model.ApiException;
import dev.dispatchsim.internal.model.InputLimits;
import dev.dispatchsim.model.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The limit checks livekit-server's handlers make before any work (config.LimitConfig defaults),
 * worded as each handler words them. Sizes are UTF-8 bytes, as Go's {@code len} counts. Two styles
 * exist on the real server and clients can tell them apart: RoomService returns a Twirp error
 * ("… 524288", meta {@code argument}); AgentDispatchService returns a bare psrpc error, which reaches
 * the client with the "twirp error unknown: " prefix and no meta.
 */
final class RequestLimits {

    static final int MAX_ROOM_NAME_BYTES = 256;
    static final int MAX_PARTICIPANT_NAME_BYTES = 256;
    static final int MAX_METADATA_BYTES = 512 * 1024;
    static final int MAX_ATTRIBUTES_BYTES = 64 * 1024;
    static final int MAX_DEPLOYMENT_BYTES = 64;

    private static final String METADATA = "metadata size exceeds limits";
    private static final String ATTRIBUTES = "attribute size exceeds limits";

    private RequestLimits() {
    }

    /** CreateRoom: the name's error is a wrapped psrpc error, the others Twirp errors. */
    static void roomName(String name) {
        if (bytes(name) > MAX_ROOM_NAME_BYTES) {
            throw ApiException.internalRpc(ErrorCode.INVALID_ARGUMENT,
                    "room name length exceeds limits: max length " + MAX_ROOM_NAME_BYTES);
        }
    }

    static void participantName(String name) {
        if (bytes(name) > MAX_PARTICIPANT_NAME_BYTES) {
            throw ApiException.limit("name length exceeds limits", MAX_PARTICIPANT_NAME_BYTES);
        }
    }

    static void metadata(String metadata) {
        if (bytes(metadata) > MAX_METADATA_BYTES) {
            throw ApiException.limit(METADATA, MAX_METADATA_BYTES);
        }
    }

    static void attributes(Map<String, String> attributes) {
        if (attributeBytes(attributes) > MAX_ATTRIBUTES_BYTES) {
            throw ApiException.limit(ATTRIBUTES, MAX_ATTRIBUTES_BYTES);
        }
    }

    /**
     * An agent name in CreateRoom's {@code agents}: livekit-server has no limit here; ours
     * ({@link InputLimits#MAX_AGENT_NAME_BYTES}) is worded like the room's own limits.
     */
    static void roomAgentName(String agentName) {
        if (bytes(agentName) > InputLimits.MAX_AGENT_NAME_BYTES) {
            throw ApiException.limit("agent name length exceeds limits", InputLimits.MAX_AGENT_NAME_BYTES);
        }
    }

    /**
     * CreateDispatch, in its order: deployment, metadata, attributes; all bare psrpc errors. The agent
     * name comes first: livekit-server does not limit it, the simulator does, in the same style.
     */
    static void dispatch(String agentName, String deployment, String metadata, Map<String, String> attributes) {
        if (bytes(agentName) > InputLimits.MAX_AGENT_NAME_BYTES) {
            throw ApiException.internalRpc(ErrorCode.INVALID_ARGUMENT,
                    "agent name length exceeds limits: max length " + InputLimits.MAX_AGENT_NAME_BYTES);
        }
        String problem = deploymentProblem(deployment);
        if (problem != null) {
            throw ApiException.internalRpc(ErrorCode.INVALID_ARGUMENT, problem);
        }
        if (bytes(metadata) > MAX_METADATA_BYTES) {
            throw ApiException.internalRpc(ErrorCode.INVALID_ARGUMENT, METADATA);
        }
        if (attributeBytes(attributes) > MAX_ATTRIBUTES_BYTES) {
            throw ApiException.internalRpc(ErrorCode.INVALID_ARGUMENT, ATTRIBUTES);
        }
    }

    /** protocol's agent.ValidateDeployment, message for message; null when valid. */
    static String deploymentProblem(String deployment) {
        byte[] raw = deployment.getBytes(StandardCharsets.UTF_8);
        if (raw.length > MAX_DEPLOYMENT_BYTES) {
            return "deployment exceeds " + MAX_DEPLOYMENT_BYTES + " bytes";
        }
        for (int i = 0; i < raw.length; i++) {
            int c = raw[i] & 0xff;
            if (c == '_') {
                return "deployment contains reserved character '_'";
            }
            if (c <= ' ' || c == 0x7f) {
                return "deployment contains whitespace or control byte at position " + i;
            }
        }
        return null;
    }

    private static int attributeBytes(Map<String, String> attributes) {
        return attributes.entrySet().stream().mapToInt(e -> bytes(e.getKey()) + bytes(e.getValue())).sum();
    }

    private static int bytes(String value) {
        return InputLimits.bytes(value);
    }
}
