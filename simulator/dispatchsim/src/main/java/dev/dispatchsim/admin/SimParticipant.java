package dev.dispatchsim.admin;

import dev.dispatchsim.model.ParticipantKind;

import java.util.Map;

/**
 * A simulated participant to join ({@code POST /_sim/rooms/{room}/participants/{identity}}); every
 * field is optional. A non-agent join launches JT_PARTICIPANT jobs for the room's dispatches; if the
 * join creates the room, {@code roomConfig} applies (its agents are dispatched).
 */
public record SimParticipant(String name, String metadata, Map<String, String> attributes, ParticipantKind kind,
                             RoomConfig roomConfig) {

    public SimParticipant {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A human (STANDARD) participant with no name, metadata or attributes. */
    public static SimParticipant human() {
        return new SimParticipant(null, null, Map.of(), null, null);
    }

    public SimParticipant withName(String value) {
        return new SimParticipant(value, metadata, attributes, kind, roomConfig);
    }

    public SimParticipant withMetadata(String value) {
        return new SimParticipant(name, value, attributes, kind, roomConfig);
    }

    public SimParticipant withAttributes(Map<String, String> value) {
        return new SimParticipant(name, metadata, value, kind, roomConfig);
    }

    public SimParticipant withKind(ParticipantKind value) {
        return new SimParticipant(name, metadata, attributes, value, roomConfig);
    }

    public SimParticipant withRoomConfig(RoomConfig value) {
        return new SimParticipant(name, metadata, attributes, kind, value);
    }
}
