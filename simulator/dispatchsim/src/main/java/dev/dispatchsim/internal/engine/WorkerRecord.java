package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.clock.ScheduledTask;
import dev.dispatchsim.model.Worker;
import dev.dispatchsim.model.WorkerRegistration;
import dev.dispatchsim.model.WorkerStatus;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One worker connection, from upgrade to close; registered once {@link #registration} is set. */
final class WorkerRecord {

    final String connectionId;
    /** What the transport calls this connection: unique across resets (see Workers#connect). */
    final String handle;
    final WorkerLink link;
    final String apiKey;
    String id = "";
    int order;
    WorkerRegistration registration;
    WorkerStatus status = WorkerStatus.WS_AVAILABLE;
    float load;
    Instant registeredAt;
    final Set<String> runningJobs = new LinkedHashSet<>();
    ScheduledTask registerTimer;
    ScheduledTask pingTimer;
    boolean closed;

    /** N of "conn-N": the order connections came in, which worker choice keeps (see {@link WorkerIndex}). */
    final int connectionSeq;

    WorkerRecord(String connectionId, String handle, WorkerLink link, String apiKey) {
        this.connectionId = connectionId;
        this.connectionSeq = Integer.parseInt(connectionId.substring(connectionId.lastIndexOf('-') + 1));
        this.handle = handle;
        this.link = link;
        this.apiKey = apiKey;
    }

    boolean isRegistered() {
        return registration != null;
    }

    Worker snapshot() {
        return new Worker(id, order, registration, status, load, registeredAt, List.copyOf(runningJobs));
    }

    String describe() {
        return registration == null ? connectionId
                : id + " (agent '" + registration.agentName() + "', " + registration.jobType() + ")";
    }
}
