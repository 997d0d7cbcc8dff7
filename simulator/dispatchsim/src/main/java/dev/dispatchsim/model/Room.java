package dev.dispatchsim.model;

import java.time.Instant;

/** A room as the APIs report it. */
public record Room(
        String sid,
        String name,
        int emptyTimeout,
        int departureTimeout,
        int maxParticipants,
        Instant creationTime,
        String turnPassword,
        String metadata,
        int numParticipants,
        int numPublishers) {
}
