package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.model.ApiException;
import dev.dispatchsim.journal.JournalEvent.WorkerConnected;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;
import dev.dispatchsim.journal.JournalEvent.WorkerProtocolError;
import dev.dispatchsim.journal.JournalEvent.WorkerRegistered;
import dev.dispatchsim.journal.JournalEvent.WorkerStatusUpdated;
import dev.dispatchsim.model.Worker;
import dev.dispatchsim.model.WorkerRegistration;
import dev.dispatchsim.model.WorkerStatus;

import java.time.Duration;
import java.util.List;

/**
 * Worker connections: upgrade, registration (within 10 s), status and load, pings, close. A worker
 * that closes is forgotten with its running jobs, which are not re-dispatched (as the OSS server);
 * their agents leave their rooms, as the agent processes go with their worker.
 */
final class Workers {

    /** Close code for protocol violations (RFC 6455 policy violation). */
    static final int POLICY_VIOLATION = 1008;

    private final SimState state;
    private final JobOffers offers;
    private final Faults faults;
    private final EngineEvents events;

    Workers(SimState state, JobOffers offers, Faults faults, EngineEvents events) {
        this.state = state;
        this.offers = offers;
        this.faults = faults;
        this.events = events;
    }

    String connect(WorkerLink link, String apiKey) {
        String connectionId = "conn-" + (++state.connectionCount);
        // The journal says "conn-N" (the same after every reset); the transport gets a handle that also
        // names the reset generation, so a late close from an old socket cannot reach a new worker.
        WorkerRecord worker = new WorkerRecord(connectionId, connectionId + "@" + state.generation, link, apiKey);
        state.connections.put(worker.handle, worker);
        state.journal(new WorkerConnected(connectionId));
        worker.registerTimer = state.schedule(state.config.registerTimeout(), () -> {
            if (!worker.isRegistered() && !worker.closed) {
                protocolError(worker, POLICY_VIOLATION,
                        "worker did not register within " + state.config.registerTimeout().toSeconds() + " s");
            }
        });
        return worker.handle;
    }

    void register(WorkerRecord worker, WorkerRegistration registration) {
        if (worker.isRegistered()) {
            protocolError(worker, POLICY_VIOLATION, "worker " + worker.id + " is already registered");
            return;
        }
        try {
            Dispatches.validateDeployment(registration.deployment());
        } catch (ApiException invalid) {
            protocolError(worker, POLICY_VIOLATION, invalid.getMessage());
            return;
        }
        SimState.cancel(worker.registerTimer);
        faults.workerRegister(worker, registration.agentName(), state.registrations + 1, () -> accept(worker, registration));
    }

    private void accept(WorkerRecord worker, WorkerRegistration registration) {
        if (worker.closed || worker.isRegistered()) {
            return;
        }
        worker.id = state.ids.next("AW_");
        worker.order = ++state.registrations;
        worker.registration = registration;
        state.workers.registered(worker);
        worker.registeredAt = state.now();
        state.listing.workerRegistered(); // the server's worker cache is rebuilt on the next launch
        worker.link.sendRegistered(worker.id, new ServerInfo(state.config.serverVersion(), 17, 1,
                state.config.region(), state.nodeId));
        state.journal(new WorkerRegistered(worker.id, worker.connectionId, registration.agentName(),
                registration.jobType(), registration.deployment(), worker.order));
        schedulePing(worker);
    }

    void updateStatus(WorkerRecord worker, WorkerStatus status, float load) {
        if (status != null) {
            worker.status = status;
        }
        worker.load = load; // always overwritten: absent on the wire means 0
        state.journal(new WorkerStatusUpdated(worker.id, worker.status, worker.load));
    }

    void ping(WorkerRecord worker, long timestamp) {
        worker.link.sendPong(timestamp, state.now().toEpochMilli());
    }

    /** The simulator closes the socket because of what the worker sent; the close itself arrives as {@link #closed}. */
    void protocolError(WorkerRecord worker, int code, String reason) {
        state.journal(new WorkerProtocolError(worker.id, worker.connectionId, code, reason));
        worker.link.close(code, reason);
        closed(worker, code, reason);
    }

    void closed(WorkerRecord worker, int code, String reason) {
        if (worker.closed) {
            return;
        }
        worker.closed = true;
        SimState.cancel(worker.registerTimer);
        SimState.cancel(worker.pingTimer);
        List<String> forgotten = List.copyOf(worker.runningJobs);
        worker.runningJobs.clear();
        state.connections.remove(worker.handle);
        state.workers.removed(worker);
        state.journal(new WorkerDisconnected(worker.id, worker.connectionId, code, reason == null ? "" : reason, forgotten));
        for (String jobId : forgotten) {
            JobRecord job = state.jobs.get(jobId);
            if (job != null) {
                events.jobEnded(job);
                state.retireIfDone(job); // no worker runs it any more
            }
        }
        offers.onWorkerGone(worker);
    }

    WorkerRecord byConnection(String connectionId) {
        return state.connections.get(connectionId);
    }

    WorkerRecord byId(String workerId) {
        return state.workers.byId(workerId);
    }

    List<Worker> list() {
        return state.connections.values().stream().filter(WorkerRecord::isRegistered).map(WorkerRecord::snapshot).toList();
    }

    private void schedulePing(WorkerRecord worker) {
        Duration interval = state.config.wsPingInterval();
        worker.pingTimer = state.schedule(interval, () -> {
            if (!worker.closed) {
                worker.link.sendPing();
                schedulePing(worker);
            }
        });
    }
}
