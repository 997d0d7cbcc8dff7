package dev.dispatchsim.internal.engine;

import java.time.Duration;

/**
 * The engine's settings. Defaults follow livekit-server 1.13.5 as measured ({@link #defaults()}, see
 * docs/fidelity.md); each switch that departs from it is named here and listed in the fidelity table.
 *
 * @param availabilityTimeout how long a worker has to answer an AvailabilityRequest, from when it is sent:
 *                            3 s, the deadline of the server's internal job request (its own 10 s
 *                            AssignJobTimeout never gets to run); measured: 2.5 s assigned, 2.8 s lost
 * @param listingLag          how long ListDispatch keeps showing {@code jobs: []} after the assignment of the
 *                            first launch after a worker registered (or after a minute without launches); 0 = off
 * @param agentJoinDelay      how long after the JobAssignment the simulated agent participant joins the room
 * @param agentLeaveDelay     how long after its job ends the simulated agent participant leaves the room
 * @param notLiveDelay        how long calls addressed to a room that is not live take to fail (the internal RPC
 *                            layer's retries)
 * @param targetLoad          workers whose load is at or above this get no jobs (agents.target_load)
 * @param registerTimeout     a socket that has not registered by then is closed
 * @param wsPingInterval      WebSocket ping period towards workers
 * @param assignmentUrl       the {@code url} put into JobAssignment; null = omit it, as the OSS server does
 * @param journalCapacity     journal ring size
 */
public record EngineConfig(
        long seed,
        Duration availabilityTimeout,
        Duration listingLag,
        Duration agentJoinDelay,
        Duration agentLeaveDelay,
        Duration notLiveDelay,
        double targetLoad,
        Duration registerTimeout,
        Duration wsPingInterval,
        String assignmentUrl,
        String serverVersion,
        String region,
        int journalCapacity) {

    public static final String SERVER_VERSION = "1.13.5";
    public static final Duration DEFAULT_AVAILABILITY_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_LISTING_LAG = Duration.ofSeconds(5);
    public static final Duration DEFAULT_AGENT_JOIN_DELAY = Duration.ofMillis(1500);

    public static EngineConfig defaults() {
        return new EngineConfig(0L, DEFAULT_AVAILABILITY_TIMEOUT, DEFAULT_LISTING_LAG, DEFAULT_AGENT_JOIN_DELAY,
                Duration.ofSeconds(1), Duration.ofSeconds(3), 0.7, Duration.ofSeconds(10), Duration.ofSeconds(10),
                null, SERVER_VERSION, "", 100_000);
    }

    public EngineConfig withSeed(long value) {
        return new EngineConfig(value, availabilityTimeout, listingLag, agentJoinDelay, agentLeaveDelay, notLiveDelay,
                targetLoad, registerTimeout, wsPingInterval, assignmentUrl, serverVersion, region, journalCapacity);
    }

    public EngineConfig withAvailabilityTimeout(Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("availability timeout must be more than zero, was " + value);
        }
        return new EngineConfig(seed, value, listingLag, agentJoinDelay, agentLeaveDelay, notLiveDelay,
                targetLoad, registerTimeout, wsPingInterval, assignmentUrl, serverVersion, region, journalCapacity);
    }

    public EngineConfig withListingLag(Duration value) {
        return new EngineConfig(seed, availabilityTimeout, notNegative(value, "listing lag"), agentJoinDelay,
                agentLeaveDelay, notLiveDelay, targetLoad, registerTimeout, wsPingInterval, assignmentUrl,
                serverVersion, region, journalCapacity);
    }

    public EngineConfig withAgentJoinDelay(Duration value) {
        return new EngineConfig(seed, availabilityTimeout, listingLag, notNegative(value, "agent join delay"),
                agentLeaveDelay, notLiveDelay, targetLoad, registerTimeout, wsPingInterval, assignmentUrl,
                serverVersion, region, journalCapacity);
    }

    public EngineConfig withTargetLoad(double value) {
        if (value <= 0 || value > 1) {
            throw new IllegalArgumentException("target load must be in (0, 1], was " + value);
        }
        return new EngineConfig(seed, availabilityTimeout, listingLag, agentJoinDelay, agentLeaveDelay, notLiveDelay,
                value, registerTimeout, wsPingInterval, assignmentUrl, serverVersion, region, journalCapacity);
    }

    public EngineConfig withAssignmentUrl(String value) {
        return new EngineConfig(seed, availabilityTimeout, listingLag, agentJoinDelay, agentLeaveDelay, notLiveDelay,
                targetLoad, registerTimeout, wsPingInterval, value, serverVersion, region, journalCapacity);
    }

    public EngineConfig withJournalCapacity(int value) {
        return new EngineConfig(seed, availabilityTimeout, listingLag, agentJoinDelay, agentLeaveDelay, notLiveDelay,
                targetLoad, registerTimeout, wsPingInterval, assignmentUrl, serverVersion, region, value);
    }

    private static Duration notNegative(Duration value, String what) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must be 0 (off) or more, was " + value);
        }
        return value;
    }
}
