package dev.dispatchsim.internal.engine;

import dev.dispatchsim.model.JobType;

/**
 * SimulateJobRequest: a job for the asking worker only, with no dispatch record. {@code participantIdentity}
 * is null when the request names no participant; {@code roomSid} may be empty.
 */
public record SimulatedJob(JobType type, String roomName, String roomSid, String participantIdentity) {

    public SimulatedJob {
        roomName = roomName == null ? "" : roomName;
        roomSid = roomSid == null ? "" : roomSid;
    }
}
