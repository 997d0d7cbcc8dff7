package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.model.AvailabilityAnswer;

/**
 * The engine's parts are built in constructor order, each from the parts below it; these are the only
 * calls that go back up, and the {@link Engine} routes each to the part that handles it. Every one is a
 * real recursion of the protocol: a fault that closes a worker re-offers its jobs (which asks the faults
 * again), an assignment makes an agent join (which can replace a participant and end its job), a job's
 * end makes its agent leave, and a closing room sends everyone in it away.
 */
interface EngineEvents {

    /** A worker socket is gone (the worker, a fault or the test closed it): the jobs offered to it go on. */
    void workerClosed(WorkerRecord worker, int code, String reason);

    /** A JobAssignment went out: the simulated agent participant joins the job's room after the join delay. */
    void agentAssigned(JobRecord job, WorkerRecord worker, AvailabilityAnswer answer, String identity);

    /** A job ended (final status, termination, its worker gone): its agent participant leaves after the leave delay. */
    void jobEnded(JobRecord job);

    /** A room is about to close: every participant leaves it first (their jobs go on: no JobTermination). */
    void roomClosing(RoomRecord room, String reason);
}
