package dev.dispatchsim.internal.model;

import java.nio.charset.StandardCharsets;

/**
 * Limits on what clients send that livekit-server does not have, so that no request or worker frame
 * can make the simulator hold megabytes per name (an agent name is copied into the dispatch, its jobs,
 * the worker pool key and several journal entries). Each is far above any real name; docs/security.md
 * lists them with the real server's own limits, and docs/fidelity.md counts them as differences.
 */
public final class InputLimits {

    /** Agent names: CreateRoom {@code agents[].agent_name}, CreateDispatch {@code agent_name}, a worker's register. */
    public static final int MAX_AGENT_NAME_BYTES = 256;
    /** A worker's register {@code namespace} and {@code version}. */
    public static final int MAX_WORKER_TEXT_BYTES = 256;

    private InputLimits() {
    }

    /** UTF-8 bytes, as Go's {@code len} counts them; 0 for null. */
    public static int bytes(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }
}
