package dev.dispatchsim.engine;

import dev.dispatchsim.model.Job;

/**
 * The seam where fault decisions meet the engine: each method is one hook point and receives the
 * action the engine would take without faults. Without a profile every action runs as is.
 */
class Faults {

    void dispatchCreated(DispatchRecord dispatch, Runnable launch) {
        launch.run();
    }

    void availabilityRequest(JobRecord job, WorkerRecord worker, Runnable send) {
        send.run();
    }

    void availabilityResponse(JobRecord job, WorkerRecord worker, Runnable handle) {
        handle.run();
    }

    /** Returns whether the assignment was delivered at once (false when dropped or delayed). */
    boolean jobAssignment(JobRecord job, WorkerRecord worker, Runnable send) {
        send.run();
        return true;
    }

    void agentJoin(JobRecord job, Runnable join) {
        join.run();
    }

    void jobTermination(JobRecord job, WorkerRecord worker, Runnable send) {
        send.run();
    }

    /** What ListDispatch shows for a job; null hides it. */
    Job reported(JobRecord job) {
        return job.listedCopy;
    }
}
