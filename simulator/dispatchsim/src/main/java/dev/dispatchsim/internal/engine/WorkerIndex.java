package dev.dispatchsim.internal.engine;

import dev.dispatchsim.model.JobType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registered workers by id and by pool key (agent name, job type, deployment; the namespace is filtered
 * on the few workers of a key), kept as workers register and close: choosing a worker for a job looks at
 * the workers that could take it, not at every connection (issue 12). Each key's workers are in connection
 * order, the order the connection map had, so the seeded weighted choice draws exactly as it did.
 */
final class WorkerIndex {

    private record PoolKey(String agentName, JobType type, String deployment) {
    }

    private final Map<String, WorkerRecord> byId = new HashMap<>();
    private final Map<PoolKey, List<WorkerRecord>> pools = new HashMap<>();
    private long changes;

    void registered(WorkerRecord worker) {
        changes++;
        byId.put(worker.id, worker);
        List<WorkerRecord> pool = pools.computeIfAbsent(key(worker), k -> new ArrayList<>());
        int at = pool.size();
        while (at > 0 && pool.get(at - 1).connectionSeq > worker.connectionSeq) {
            at--;
        }
        pool.add(at, worker);
    }

    void removed(WorkerRecord worker) {
        if (!worker.isRegistered()) {
            return;
        }
        changes++;
        byId.remove(worker.id, worker);
        List<WorkerRecord> pool = pools.get(key(worker));
        if (pool != null) {
            pool.remove(worker);
            if (pool.isEmpty()) {
                pools.remove(key(worker));
            }
        }
    }

    /** The registered, open worker with this id, or null. */
    WorkerRecord byId(String workerId) {
        WorkerRecord worker = byId.get(workerId);
        return worker == null || worker.closed ? null : worker;
    }

    /** Registered, open workers of this agent name, job type and deployment, in any namespace, in connection order. */
    List<WorkerRecord> serving(String agentName, JobType type, String deployment) {
        List<WorkerRecord> pool = pools.get(new PoolKey(agentName, type, deployment));
        if (pool == null) {
            return List.of();
        }
        List<WorkerRecord> open = new ArrayList<>(pool.size());
        for (WorkerRecord worker : pool) {
            if (!worker.closed) {
                open.add(worker);
            }
        }
        return open;
    }

    /** Counts registrations, removals and clears: what was derived from the registered workers is stale when it moved. */
    long changes() {
        return changes;
    }

    void clear() {
        changes++;
        byId.clear();
        pools.clear();
    }

    private static PoolKey key(WorkerRecord worker) {
        return new PoolKey(worker.registration.agentName(), worker.registration.jobType(), worker.registration.deployment());
    }
}
