package dev.dispatchsim.internal.engine;

import dev.dispatchsim.model.Job;

/** A worker socket for engine-level tests: it sends nothing and remembers how it was closed (null: open). */
public final class ClosingOnlyLink implements WorkerLink {

    private volatile Integer closeCode;

    public Integer closeCode() {
        return closeCode;
    }

    public boolean closed() {
        return closeCode != null;
    }

    public void sendRegistered(String workerId, ServerInfo serverInfo) { }
    public void sendAvailability(Job job, boolean resuming) { }
    public void sendAssignment(Job job, String url, String token) { }
    public void sendTermination(String jobId) { }
    public void sendPong(long lastTimestamp, long timestamp) { }
    public void sendPing() { }
    public void answerInText(boolean text) { }
    public void close(int code, String reason) { closeCode = code; }
    public String describe() { return "closing-only link"; }
}
