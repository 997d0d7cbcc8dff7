package dev.dispatchsim.model;

import java.time.Instant;
import java.util.List;

/** A registered agent worker as the simulator sees it. {@code order} is the 1-based registration order. */
public record Worker(
        String id,
        int order,
        WorkerRegistration registration,
        WorkerStatus status,
        float load,
        Instant registeredAt,
        List<String> runningJobIds) {

    public String agentName() {
        return registration.agentName();
    }
}
