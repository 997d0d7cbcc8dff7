package dev.dispatchsim.internal.engine;

import java.time.Duration;

/**
 * The engine's settings. Defaults follow livekit-server 1.13 ({@link #defaults()}); each switch that
 * departs from it is named here and listed in the README's fidelity table.
 *
 * @param availabilityTimeout how long the server waits for an AvailabilityResponse (AssignJobTimeout)
 * @param targetLoad          workers whose load is at or above this get no jobs (agents.target_load)
 * @param registerTimeout     a socket that has not registered by then is closed
 * @param wsPingInterval      WebSocket ping period towards workers
 * @param agentLeaveGrace     how long DeleteDispatch waits before force-removing the agent participant
 * @param assignmentUrl       the {@code url} put into JobAssignment; null = omit it, as the OSS server does
 * @param journalCapacity     journal ring size
 */
public record EngineConfig(
        long seed,
        Duration availabilityTimeout,
        double targetLoad,
        Duration registerTimeout,
        Duration wsPingInterval,
        Duration agentLeaveGrace,
        String assignmentUrl,
        String serverVersion,
        String region,
        int journalCapacity) {

    public static final String SERVER_VERSION = "1.13.5";

    public static EngineConfig defaults() {
        return new EngineConfig(0L, Duration.ofSeconds(10), 0.7, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(3), null, SERVER_VERSION, "", 100_000);
    }

    public EngineConfig withSeed(long value) {
        return new EngineConfig(value, availabilityTimeout, targetLoad, registerTimeout, wsPingInterval,
                agentLeaveGrace, assignmentUrl, serverVersion, region, journalCapacity);
    }

    public EngineConfig withAvailabilityTimeout(Duration value) {
        return new EngineConfig(seed, value, targetLoad, registerTimeout, wsPingInterval,
                agentLeaveGrace, assignmentUrl, serverVersion, region, journalCapacity);
    }

    public EngineConfig withTargetLoad(double value) {
        if (value <= 0 || value > 1) {
            throw new IllegalArgumentException("target load must be in (0, 1], was " + value);
        }
        return new EngineConfig(seed, availabilityTimeout, value, registerTimeout, wsPingInterval,
                agentLeaveGrace, assignmentUrl, serverVersion, region, journalCapacity);
    }

    public EngineConfig withAssignmentUrl(String value) {
        return new EngineConfig(seed, availabilityTimeout, targetLoad, registerTimeout, wsPingInterval,
                agentLeaveGrace, value, serverVersion, region, journalCapacity);
    }

    public EngineConfig withJournalCapacity(int value) {
        return new EngineConfig(seed, availabilityTimeout, targetLoad, registerTimeout, wsPingInterval,
                agentLeaveGrace, assignmentUrl, serverVersion, region, value);
    }
}
