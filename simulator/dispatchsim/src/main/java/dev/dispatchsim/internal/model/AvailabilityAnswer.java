package dev.dispatchsim.internal.model;

import java.util.Map;

/** A worker's AvailabilityResponse. */
public record AvailabilityAnswer(
        String jobId,
        boolean available,
        boolean supportsResume,
        boolean terminate,
        String participantName,
        String participantIdentity,
        String participantMetadata,
        Map<String, String> participantAttributes) {

    public AvailabilityAnswer {
        participantName = participantName == null ? "" : participantName;
        participantIdentity = participantIdentity == null ? "" : participantIdentity;
        participantMetadata = participantMetadata == null ? "" : participantMetadata;
        participantAttributes = participantAttributes == null ? Map.of() : Map.copyOf(participantAttributes);
    }
}
