package dev.dispatchsim.internal.auth;

import java.util.Map;
import java.util.Objects;

/**
 * Everything that goes into the room-join token of a JobAssignment.
 *
 * @param room        the job's room name
 * @param agentName   the worker's registered agent_name; added as attribute {@code lk.agent_name}
 * @param identity    AvailabilityResponse.participant_identity
 * @param name        AvailabilityResponse.participant_name ("" = none)
 * @param metadata    AvailabilityResponse.participant_metadata ("" = none)
 * @param attributes  AvailabilityResponse.participant_attributes
 * @param permissions the worker's allowed_permissions
 */
public record AgentTokenSpec(
        String room,
        String agentName,
        String identity,
        String name,
        String metadata,
        Map<String, String> attributes,
        AgentPermissions permissions) {

    public AgentTokenSpec {
        room = Objects.requireNonNullElse(room, "");
        agentName = Objects.requireNonNullElse(agentName, "");
        identity = Objects.requireNonNullElse(identity, "");
        name = Objects.requireNonNullElse(name, "");
        metadata = Objects.requireNonNullElse(metadata, "");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        permissions = Objects.requireNonNullElse(permissions, AgentPermissions.REGISTER_DEFAULTS);
    }
}
