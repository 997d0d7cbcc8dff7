package dev.dispatchsim.internal.engine;

import dev.dispatchsim.model.ParticipantKind;

import java.util.Map;

/**
 * A simulated participant joining (test kit / admin API). {@code tokenRoomConfig} plays the part of a
 * join token's roomConfig: used only if this join creates the room, ignored otherwise, as on the real server.
 */
public record ParticipantSpec(String room, String identity, String name, ParticipantKind kind, String metadata,
                              Map<String, String> attributes, RoomSpec tokenRoomConfig) {

    public ParticipantSpec {
        kind = kind == null ? ParticipantKind.STANDARD : kind;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static ParticipantSpec human(String room, String identity) {
        return new ParticipantSpec(room, identity, identity, ParticipantKind.STANDARD, "", Map.of(), null);
    }

    public ParticipantSpec withRoomConfig(RoomSpec roomConfig) {
        return new ParticipantSpec(room, identity, name, kind, metadata, attributes, roomConfig);
    }
}
