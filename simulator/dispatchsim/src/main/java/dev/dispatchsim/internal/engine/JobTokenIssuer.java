package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.model.AvailabilityAnswer;
import dev.dispatchsim.model.Permissions;

import java.time.Instant;

/** Signs the room-join token that goes into JobAssignment, with the API key the worker connected with. */
@FunctionalInterface
public interface JobTokenIssuer {

    String issue(String apiKey, String roomName, String agentName, AvailabilityAnswer answer,
                 Permissions permissions, Instant now);
}
