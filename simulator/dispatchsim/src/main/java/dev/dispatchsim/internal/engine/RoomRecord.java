package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.clock.ScheduledTask;
import dev.dispatchsim.model.Room;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A live room's mutable state, owned by the engine thread. */
final class RoomRecord {

    final String sid;
    final String name;
    final Instant createdAt;
    final String turnPassword;
    int emptyTimeout;
    int departureTimeout;
    int maxParticipants;
    String metadata;
    final Map<String, ParticipantRecord> participants = new LinkedHashMap<>();
    final Map<String, DispatchRecord> dispatches = new LinkedHashMap<>();
    /** Whether a non-agent participant ever joined: decides between empty_timeout and departure_timeout. */
    boolean hadHumanParticipant;
    ScheduledTask closeTimer;

    RoomRecord(String sid, String name, Instant createdAt, String turnPassword, int emptyTimeout,
               int departureTimeout, int maxParticipants, String metadata) {
        this.sid = sid;
        this.name = name;
        this.createdAt = createdAt;
        this.turnPassword = turnPassword;
        this.emptyTimeout = emptyTimeout;
        this.departureTimeout = departureTimeout;
        this.maxParticipants = maxParticipants;
        this.metadata = metadata == null ? "" : metadata;
    }

    long humanCount() {
        return participants.values().stream().filter(p -> !p.kind.isDependent()).count();
    }

    Room snapshot() {
        // hidden participants are not counted, as on the real server
        int count = (int) participants.values().stream().filter(p -> p.permission == null || !p.permission.hidden()).count();
        int publishers = (int) participants.values().stream().filter(p -> !p.tracks.isEmpty()).count();
        return new Room(sid, name, emptyTimeout, departureTimeout, maxParticipants, createdAt, turnPassword, metadata,
                count, publishers);
    }
}
