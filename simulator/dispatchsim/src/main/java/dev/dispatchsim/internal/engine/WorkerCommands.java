package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.clock.EventLoop;
import dev.dispatchsim.internal.model.AvailabilityAnswer;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.WorkerRegistration;
import dev.dispatchsim.model.WorkerStatus;

import java.util.concurrent.CompletableFuture;

/**
 * What the /agent transport tells the engine, one method per worker message. Before a worker has
 * registered only register and ping are allowed; anything else closes that socket with a reason.
 */
public final class WorkerCommands {

    private final EventLoop loop;
    private final SimState state;
    private final Workers workers;
    private final JobOffers offers;
    private final JobEnds ends;
    private final Participants participants;
    private final Faults faults;

    WorkerCommands(EventLoop loop, SimState state, Workers workers, JobOffers offers, JobEnds ends,
                   Participants participants, Faults faults) {
        this.faults = faults;
        this.loop = loop;
        this.state = state;
        this.workers = workers;
        this.offers = offers;
        this.ends = ends;
        this.participants = participants;
    }

    /** A socket was upgraded; returns its handle, the key for every later call (unique across resets). */
    public CompletableFuture<String> connected(WorkerLink link, String apiKey) {
        return loop.call(() -> workers.connect(link, apiKey));
    }

    /**
     * The worker's last frame was text (protojson) or binary: answers follow suit. This goes through the
     * engine queue like the frame's own command, so a text frame followed at once by a binary one still
     * gets its answer in text (the Go server handles one frame at a time).
     */
    public void frameFormat(String connectionId, boolean text) {
        loop.execute(() -> {
            WorkerRecord worker = workers.byConnection(connectionId);
            if (worker != null) {
                worker.link.answerInText(text);
            }
        });
    }

    public void register(String connectionId, WorkerRegistration registration) {
        withWorker(connectionId, null, worker -> workers.register(worker, registration));
    }

    public void ping(String connectionId, long timestamp) {
        withWorker(connectionId, null, worker -> workers.ping(worker, timestamp));
    }

    public void availability(String connectionId, AvailabilityAnswer answer) {
        withWorker(connectionId, "availability", worker -> offers.onAnswer(worker, answer));
    }

    public void updateWorker(String connectionId, WorkerStatus status, float load) {
        withWorker(connectionId, "update_worker", worker -> workers.updateStatus(worker, status, load));
    }

    public void updateJob(String connectionId, String jobId, JobStatus status, String error) {
        withWorker(connectionId, "update_job", worker -> {
            // Only an update the worker registry accepted ends anything: a status for another worker's job
            // (or one already ended) must not pull that job's agent out of its room.
            boolean applied = ends.onStatus(worker, jobId, status, error);
            JobRecord job = state.jobs.get(jobId);
            if (applied && status.isFinal() && !job.participantIdentity.isEmpty()) {
                // The job process ended, so its agent leaves the room (the real agent disconnects).
                participants.removeIfPresent(job.job.room().name(), job.job.room().sid(), job.participantIdentity,
                        "CLIENT_INITIATED");
            }
        });
    }

    /** MigrateJobRequest is ignored by the OSS server; it is accepted (once registered) and does nothing. */
    public void migrate(String connectionId) {
        withWorker(connectionId, "migrate_job", worker -> {
        });
    }

    public void simulateJob(String connectionId, SimulatedJob request) {
        withWorker(connectionId, "simulate_job", worker -> offers.simulate(worker, request));
    }

    public void protocolError(String connectionId, int code, String reason) {
        loop.execute(() -> {
            WorkerRecord worker = workers.byConnection(connectionId);
            if (worker != null) {
                workers.protocolError(worker, code, reason);
            }
        });
    }

    public void closed(String connectionId, int code, String reason) {
        loop.execute(() -> {
            WorkerRecord worker = workers.byConnection(connectionId);
            if (worker != null) {
                workers.closed(worker, code, reason);
            }
        });
    }

    private void withWorker(String connectionId, String requiresRegistration, java.util.function.Consumer<WorkerRecord> action) {
        loop.execute(() -> {
            WorkerRecord worker = workers.byConnection(connectionId);
            if (worker == null || worker.closed) {
                return;
            }
            if (requiresRegistration != null && !worker.isRegistered()) {
                workers.protocolError(worker, Workers.POLICY_VIOLATION,
                        "expected register or ping before registration, got " + requiresRegistration);
                return;
            }
            if (worker.isRegistered()) {
                faults.workerFrame(worker, () -> {
                    if (!worker.closed) {
                        action.accept(worker);
                    }
                });
            } else {
                action.accept(worker);
            }
        });
    }
}
