package dev.dispatchsim.engine;

import dev.dispatchsim.model.AvailabilityAnswer;

/** The room side of an assignment: the simulated agent participant joins (there is no media to do it for real). */
interface AgentPresence {

    void agentAssigned(JobRecord job, WorkerRecord worker, AvailabilityAnswer answer, String identity);
}
