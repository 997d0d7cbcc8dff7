package dev.dispatchsim.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An agent dispatch with the jobs the API reports for it (which may differ from the truth under a fault profile). */
public record Dispatch(
        String id,
        String agentName,
        String room,
        String metadata,
        String deployment,
        Map<String, String> attributes,
        DispatchSource source,
        Instant createdAt,
        List<Job> jobs) {
}
