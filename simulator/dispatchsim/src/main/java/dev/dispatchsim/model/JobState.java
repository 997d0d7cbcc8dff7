package dev.dispatchsim.model;

import java.time.Instant;

/** A job's state as LiveKit reports it; timestamps may be null (reported as 0). */
public record JobState(
        JobStatus status,
        String error,
        Instant startedAt,
        Instant endedAt,
        Instant updatedAt,
        String participantIdentity,
        String workerId) {

    public static JobState pending() {
        return new JobState(JobStatus.JS_PENDING, "", null, null, null, "", "");
    }
}
