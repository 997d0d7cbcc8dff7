package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.clock.ScheduledTask;
import dev.dispatchsim.model.Job;
import dev.dispatchsim.model.JobState;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.SimulatorState.Phase;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One job: the truth (what the worker really got and reported) and the copy the dispatch lists.
 * The real server keeps two copies too: the dispatch's copy is frozen at assignment (JS_RUNNING)
 * and later UpdateJobStatus messages only change the worker registry's copy.
 */
final class JobRecord {

    final DispatchRecord dispatch;
    Job job;
    Phase phase = Phase.OFFERING;
    /** The copy ListDispatch shows; null until the job was assigned (or ended by a terminate answer). */
    Job listedCopy;
    /** The worker-registry copy: what the worker reported. */
    JobStatus trueStatus = JobStatus.JS_PENDING;
    String trueError = "";
    String workerId = "";
    String participantIdentity = "";
    /** Whether the JobAssignment frame actually left (a fault may drop it). */
    boolean assignmentDelivered;
    final Set<String> triedWorkers = new LinkedHashSet<>();
    /** The (deprecated) namespace part of the pool key: only workers registered in it may take the job. */
    String namespace = "";
    /** SimulateJobRequest: only the asking worker may take the job. */
    String onlyWorker;
    ScheduledTask availabilityTimer;

    JobRecord(DispatchRecord dispatch, Job job) {
        this.dispatch = dispatch;
        this.job = job;
    }

    String id() {
        return job.id();
    }

    JobState trueState() {
        return job.state();
    }
}
