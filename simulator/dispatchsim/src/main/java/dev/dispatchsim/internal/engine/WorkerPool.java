package dev.dispatchsim.internal.engine;

import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.WorkerStatus;

import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Which workers may take a job, and which one gets it. Keyed like the real server's pool by
 * (agent_name, namespace, job type, deployment); the choice is weighted by 1 − load and drawn from
 * the seeded generator, so the same inputs always pick the same worker.
 */
final class WorkerPool {

    private final SimState state;
    /** {@link #describeRegistered()} as of {@link #describedAt} index changes: every undeliverable dispatch says it. */
    private List<String> described = List.of();
    private long describedAt = -1;

    WorkerPool(SimState state) {
        this.state = state;
    }

    /** Registered workers that serve this agent name, job type and deployment, in any namespace, whatever their load. */
    List<WorkerRecord> serving(String agentName, JobType type, String deployment) {
        return state.workers.serving(agentName, type, deployment);
    }

    /** The workers of one pool key: agent name, namespace, job type and deployment. */
    List<WorkerRecord> serving(String agentName, String namespace, JobType type, String deployment) {
        return serving(agentName, type, deployment).stream()
                .filter(w -> w.registration.namespace().equals(namespace))
                .toList();
    }

    /** The namespaces among {@code workers}, sorted (as livekit-server keeps them): one job is launched per namespace. */
    static List<String> namespaces(List<WorkerRecord> workers) {
        return workers.stream().map(w -> w.registration.namespace()).distinct().sorted().toList();
    }

    /** Workers that could take the job now: WS_AVAILABLE, load below target, not tried for this job yet. */
    List<WorkerRecord> eligible(List<WorkerRecord> serving, Set<String> tried) {
        // Load travels as a float32 and livekit-server compares it with a float32 target; in double precision
        // a reported 0.7f (0.69999998...) would pass below a 0.7 target and a worker "at 0.7" would get jobs.
        float target = (float) state.config.targetLoad();
        return serving.stream()
                .filter(w -> w.status == WorkerStatus.WS_AVAILABLE)
                .filter(w -> w.load < target)
                .filter(w -> !tried.contains(w.id))
                .toList();
    }

    /** Weighted random pick; null when no candidate has positive weight. */
    WorkerRecord pick(List<WorkerRecord> candidates) {
        double total = 0;
        for (WorkerRecord w : candidates) {
            total += weight(w);
        }
        if (candidates.isEmpty() || total <= 0) {
            return null;
        }
        Random random = state.workerChoice;
        double draw = random.nextDouble() * total;
        for (WorkerRecord w : candidates) {
            draw -= weight(w);
            if (draw < 0) {
                return w;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /** Every registered worker as "agent_name/JOB_TYPE", so an unmatched dispatch shows its near miss. */
    List<String> describeRegistered() {
        // Built once per change of the registered workers, not per dispatch: a room without agents has its
        // automatic dispatch journaled as undeliverable with this list, and with 100 workers building it was
        // a twentieth of the engine thread in the sustained-dispatch profile.
        long changes = state.workers.changes();
        if (changes != describedAt) {
            described = describe();
            describedAt = changes;
        }
        return described;
    }

    private List<String> describe() {
        return state.connections.values().stream()
                .filter(WorkerRecord::isRegistered)
                .map(w -> "'" + w.registration.agentName() + "'/" + w.registration.jobType()
                        + (w.registration.deployment().isEmpty() ? "" : "@" + w.registration.deployment()))
                .distinct()
                .toList();
    }

    private static double weight(WorkerRecord w) {
        return Math.max(0, 1 - w.load);
    }
}
