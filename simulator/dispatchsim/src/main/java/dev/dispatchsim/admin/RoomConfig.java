package dev.dispatchsim.admin;

import dev.dispatchsim.model.AgentRequest;

import java.util.Arrays;
import java.util.List;

/**
 * What a join token's {@code roomConfig} carries: applied only when the join creates the room, as on
 * the real server. Zero timeouts mean "the default". {@code agents} become dispatches (source TOKEN).
 */
public record RoomConfig(int emptyTimeout, int departureTimeout, int maxParticipants, String metadata,
                         List<AgentRequest> agents) {

    public RoomConfig {
        metadata = metadata == null ? "" : metadata;
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    public static RoomConfig withAgents(String... agentNames) {
        return new RoomConfig(0, 0, 0, "", Arrays.stream(agentNames).map(AgentRequest::named).toList());
    }

    public RoomConfig withEmptyTimeout(int seconds) {
        return new RoomConfig(seconds, departureTimeout, maxParticipants, metadata, agents);
    }
}
