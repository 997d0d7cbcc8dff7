package dev.dispatchsim.internal.engine;

import dev.dispatchsim.journal.JournalEvent.ActionDropped;
import dev.dispatchsim.journal.JournalEvent.JobStatusUpdated;
import dev.dispatchsim.journal.JournalEvent.JobTerminated;
import dev.dispatchsim.model.JobState;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.SimulatorState.Phase;

import java.time.Instant;

/**
 * How jobs end: the worker reports a final status, the server terminates the job (the agent left
 * the room, the dispatch was deleted), or the worker goes away and its jobs are forgotten. Mirrors
 * the real server: only the worker-registry copy changes, never the dispatch's. Every ending is told
 * up ({@link EngineEvents#jobEnded}): the job's agent participant leaves the room shortly after.
 */
final class JobEnds {

    static final String AGENT_LEFT = "agent worker left the room";

    private final SimState state;
    private final Faults faults;
    private final EngineEvents events;

    JobEnds(SimState state, Faults faults, EngineEvents events) {
        this.state = state;
        this.faults = faults;
        this.events = events;
    }

    /**
     * UpdateJobStatus from a worker: applied only to jobs in that worker's running set. Returns whether it
     * was applied (false for unknown jobs, other workers' jobs and jobs that already ended).
     */
    boolean onStatus(WorkerRecord worker, String jobId, JobStatus status, String error) {
        JobRecord job = state.jobs.get(jobId);
        if (job == null || !worker.runningJobs.contains(jobId)) {
            return false; // the real server silently ignores updates for unknown jobs
        }
        state.journal(new JobStatusUpdated(jobId, worker.id, status, error == null ? "" : error));
        job.trueStatus = status;
        job.trueError = error == null ? "" : error;
        JobState previous = job.job.state();
        boolean wasPending = previous.status() == JobStatus.JS_PENDING && status != JobStatus.JS_PENDING;
        Instant now = state.now(); // one reading for every timestamp of this update, as the real server
        job.job = job.job.withState(new JobState(status, job.trueError,
                wasPending ? now : previous.startedAt(),
                status.isFinal() ? now : previous.endedAt(), now,
                previous.participantIdentity(), previous.workerId()));
        if (status.isFinal()) {
            worker.runningJobs.remove(jobId);
            state.phase(job, Phase.ENDED);
            events.jobEnded(job); // the job process ended: its agent disconnects
        }
        return true;
    }

    /**
     * The server asks the worker to end the job (JobTermination) if it still runs it. Returns whether
     * a termination was due at all.
     */
    boolean terminate(JobRecord job, JobStatus result, String error, String reason) {
        WorkerRecord worker = workerOf(job);
        if (worker == null || !worker.runningJobs.remove(job.id())) {
            return false;
        }
        job.trueStatus = result;
        job.trueError = error;
        state.phase(job, Phase.ENDED);
        JobState previous = job.job.state();
        Instant now = state.now();
        job.job = job.job.withState(new JobState(result, error, previous.startedAt(), now, now,
                previous.participantIdentity(), previous.workerId()));
        boolean[] sent = {false};
        faults.jobTermination(job, worker, () -> {
            // A delayed (or duplicated) termination checks again when it is due: a closed socket gets nothing.
            if (worker.closed) {
                state.journal(new ActionDropped("job_termination", job.id(), worker.id, "worker gone"));
                return;
            }
            worker.link.sendTermination(job.id());
            sent[0] = true;
        });
        state.journal(new JobTerminated(job.id(), worker.id, result, reason, sent[0]));
        events.jobEnded(job);
        return true;
    }

    private WorkerRecord workerOf(JobRecord job) {
        return state.workers.byId(job.workerId);
    }
}
