package dev.dispatchsim.model;

import java.util.Map;

/** A job as sent to a worker or listed by ListDispatch. {@code participant} is set for JT_PARTICIPANT / JT_PUBLISHER. */
public record Job(
        String id,
        String dispatchId,
        JobType type,
        Room room,
        Participant participant,
        String agentName,
        String metadata,
        String deployment,
        Map<String, String> attributes,
        JobState state) {

    public Job withState(JobState newState) {
        return new Job(id, dispatchId, type, room, participant, agentName, metadata, deployment, attributes, newState);
    }
}
