package dev.dispatchsim.model;

import java.util.Map;

/** What an app asks for: one agent for a room (CreateRoom {@code agents}, CreateDispatch, token roomConfig). */
public record AgentRequest(String agentName, String metadata, String deployment, Map<String, String> attributes) {

    public AgentRequest {
        agentName = agentName == null ? "" : agentName;
        metadata = metadata == null ? "" : metadata;
        deployment = deployment == null ? "" : deployment;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static AgentRequest named(String agentName) {
        return new AgentRequest(agentName, "", "", Map.of());
    }
}
