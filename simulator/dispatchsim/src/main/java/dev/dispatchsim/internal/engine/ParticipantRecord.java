package dev.dispatchsim.internal.engine;

import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.model.ParticipantState;
import dev.dispatchsim.model.Permissions;
import dev.dispatchsim.model.Track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A participant's mutable state, owned by the engine thread. */
final class ParticipantRecord {

    final String sid;
    final String identity;
    final ParticipantKind kind;
    final Instant joinedAt;
    String name;
    String metadata;
    Map<String, String> attributes;
    Permissions permission;
    final List<Track> tracks = new ArrayList<>();
    int version = 1;
    /** For agents: the job this participant is the agent of. */
    String jobId = "";

    ParticipantRecord(String sid, String identity, String name, ParticipantKind kind, String metadata,
                      Map<String, String> attributes, Permissions permission, Instant joinedAt) {
        this.sid = sid;
        this.identity = identity;
        this.name = name == null ? "" : name;
        this.kind = kind;
        this.metadata = metadata == null ? "" : metadata;
        this.attributes = new LinkedHashMap<>(attributes == null ? Map.of() : attributes);
        this.permission = permission;
        this.joinedAt = joinedAt;
    }

    Participant snapshot() {
        return new Participant(sid, identity, name, ParticipantState.ACTIVE, kind, metadata, Map.copyOf(attributes),
                joinedAt, List.copyOf(tracks), permission, version);
    }
}
