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
    private final Workers workers;
    private final JobOffers offers;
    private final JobEnds ends;
    private final Faults faults;

    WorkerCommands(EventLoop loop, Workers workers, JobOffers offers, JobEnds ends, Faults faults) {
        this.faults = faults;
        this.loop = loop;
        this.workers = workers;
        this.offers = offers;
        this.ends = ends;
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

    /** A final status ends the job, and its agent leaves the room shortly after (see Participants#jobEnded). */
    public void updateJob(String connectionId, String jobId, JobStatus status, String error) {
        withWorker(connectionId, "update_job", worker -> ends.onStatus(worker, jobId, status, error));
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
