package dev.dispatchsim.internal.engine;

import dev.dispatchsim.model.Job;

/**
 * The engine's view of one worker socket. The worker transport implements it (model → protobuf
 * frames); sends are asynchronous and never block the engine thread.
 */
public interface WorkerLink {

    void sendRegistered(String workerId, ServerInfo serverInfo);

    void sendAvailability(Job job, boolean resuming);

    void sendAssignment(Job job, String url, String token);

    void sendTermination(String jobId);

    void sendPong(long lastTimestamp, long timestamp);

    /** A WebSocket-level ping (keepalive), not a protocol message. */
    void sendPing();

    /**
     * From now on, send protojson text frames (true) or binary protobuf (false). Called on the engine
     * thread in frame order, so each answer goes out in the format of the frame that caused it.
     */
    void answerInText(boolean text);

    void close(int code, String reason);

    /** Where the socket came from, for logs. */
    String describe();
}
