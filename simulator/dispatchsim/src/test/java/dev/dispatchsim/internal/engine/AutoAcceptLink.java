package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.model.AvailabilityAnswer;
import dev.dispatchsim.model.Job;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.WorkerRegistration;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A worker socket without a socket, for engine tests: it accepts every AvailabilityRequest at once
 * and hands each JobAssignment to the test, in order.
 */
final class AutoAcceptLink implements WorkerLink {

    private final Engine engine;
    private final LinkedBlockingQueue<Job> assignments = new LinkedBlockingQueue<>();
    private volatile String handle;

    private AutoAcceptLink(Engine engine) {
        this.engine = engine;
    }

    /** Connects and registers a worker for {@code agent}, and waits until it is registered. */
    static AutoAcceptLink register(Engine engine, String agent) {
        AutoAcceptLink link = new AutoAcceptLink(engine);
        link.handle = engine.workers().connected(link, "devkey").join();
        engine.workers().register(link.handle, new WorkerRegistration(JobType.JT_ROOM, agent, "1", "", "", null, 0));
        engine.inspect(state -> state.connections.get(link.handle).isRegistered()).join();
        return link;
    }

    /** Reports a job over, as an agent whose room is gone does (UpdateJobStatus). */
    void reportEnded(String jobId) {
        engine.workers().updateJob(handle, jobId, dev.dispatchsim.model.JobStatus.JS_SUCCESS, "");
    }

    /** The next JobAssignment this worker got, waiting for it by observation. */
    Job nextAssignment(Duration timeout) throws InterruptedException {
        Job job = assignments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (job == null) {
            throw new AssertionError("no JobAssignment within " + timeout.toMillis() + " ms");
        }
        return job;
    }

    @Override
    public void sendAvailability(Job job, boolean resuming) {
        engine.workers().availability(handle, new AvailabilityAnswer(job.id(), true, false, false, "agent",
                "agent-" + job.id(), "", Map.of()));
    }

    @Override
    public void sendAssignment(Job job, String url, String token) {
        assignments.add(job);
    }

    public void sendRegistered(String workerId, ServerInfo serverInfo) { }
    public void sendTermination(String jobId) { }
    public void sendPong(long lastTimestamp, long timestamp) { }
    public void sendPing() { }
    public void answerInText(boolean text) { }
    public void close(int code, String reason) { }
    public String describe() { return "auto-accepting test link"; }
}
