package dev.dispatchsim.engine;

import dev.dispatchsim.model.JobType;

/** SimulateJobRequest: a job for the asking worker only, with no dispatch record. */
public record SimulatedJob(JobType type, String roomName, String participantIdentity) {
}
