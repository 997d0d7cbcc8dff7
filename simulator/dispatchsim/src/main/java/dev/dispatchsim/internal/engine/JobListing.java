package dev.dispatchsim.internal.engine;

import dev.dispatchsim.journal.JournalEvent.JobListed;
import dev.dispatchsim.model.Job;
import dev.dispatchsim.model.JobStatus;

import java.time.Duration;

/**
 * When a launched job shows in ListDispatch, and what DeleteDispatch does while a launch is in flight.
 * On livekit-server the room appends the job to its dispatch when the launch call returns, which for a
 * cold launch ({@link ListingCache}) is about 5 s after the worker got its JobAssignment; DeleteDispatch
 * waits for in-flight launches before it terminates their jobs, so inside that window it answers
 * {@code jobs: []} and the worker's JobTermination comes when the launch ends.
 */
final class JobListing {

    private final SimState state;
    private final JobEnds ends;

    JobListing(SimState state, JobEnds ends) {
        this.state = state;
        this.ends = ends;
    }

    /** The launch produced {@code copy} (frozen: later reports never change it); listed now, or after the lag. */
    void launched(JobRecord job, Job copy) {
        Duration lag = state.config.listingLag();
        if (!job.coldLaunch || lag.isZero()) {
            listNow(job, copy, false);
            return;
        }
        job.listingTimer = state.schedule(lag, () -> {
            job.listingTimer = null;
            listNow(job, copy, true);
        });
    }

    /** No worker took the job: the launch is over, with nothing to list. */
    void failed(JobRecord job) {
        job.launchDone = true;
    }

    /** DeleteDispatch: a job whose launch is over is terminated now, one still in flight when its launch ends. */
    void dispatchDeleted(JobRecord job) {
        if (job.launchDone) {
            ends.terminate(job, JobStatus.JS_SUCCESS, "", "dispatch deleted");
        } else {
            job.terminateWhenLaunched = true;
        }
    }

    private void listNow(JobRecord job, Job copy, boolean lagged) {
        job.listedCopy = copy;
        job.launchDone = true;
        if (job.terminateWhenLaunched) {
            ends.terminate(job, JobStatus.JS_SUCCESS, "", "dispatch deleted");
        } else if (lagged && job.dispatchStillLive(state)) {
            state.journal(new JobListed(job.id(), job.dispatch == null ? "" : job.dispatch.id));
        }
    }
}
