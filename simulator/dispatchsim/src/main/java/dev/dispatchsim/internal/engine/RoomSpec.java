package dev.dispatchsim.internal.engine;

import dev.dispatchsim.model.AgentRequest;

import java.util.List;

/** What CreateRoom (or a token's roomConfig) asks for. Zero timeouts mean "use the default". */
public record RoomSpec(String name, int emptyTimeout, int departureTimeout, int maxParticipants, String metadata,
                       List<AgentRequest> agents) {

    public RoomSpec {
        name = name == null ? "" : name;
        metadata = metadata == null ? "" : metadata;
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    public static RoomSpec named(String name) {
        return new RoomSpec(name, 0, 0, 0, "", List.of());
    }

    public RoomSpec withAgents(List<AgentRequest> value) {
        return new RoomSpec(name, emptyTimeout, departureTimeout, maxParticipants, metadata, value);
    }
}
