package dev.dispatchsim.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A participant as the APIs report it; agents are simulated as joined when their job is assigned. */
public record Participant(
        String sid,
        String identity,
        String name,
        ParticipantState state,
        ParticipantKind kind,
        String metadata,
        Map<String, String> attributes,
        Instant joinedAt,
        List<Track> tracks,
        Permissions permission,
        int version) {

    public boolean isPublisher() {
        return !tracks.isEmpty();
    }
}
