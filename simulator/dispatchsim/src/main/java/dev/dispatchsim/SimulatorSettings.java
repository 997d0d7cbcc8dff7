package dev.dispatchsim;

import dev.dispatchsim.clock.SimClock;

import java.time.Duration;
import java.util.List;

/**
 * The effective configuration of one simulator, as its builder resolved it; {@link #describe()} is the
 * line the standalone server logs once at start. It never holds a secret: keys are listed by name, and
 * the admin token only as set or not.
 *
 * @param apiKeys          the API keys accepted, the first being {@link LiveKitSimulator#apiKey()}
 * @param assignmentUrl    the {@code url} put into JobAssignment; null = omitted, as livekit-server does
 * @param adminTokenSet    whether {@code /_sim/} calls must carry an admin token
 */
public record SimulatorSettings(String bind, int port, List<String> apiKeys, long seed, SimClock clock,
                                Duration availabilityTimeout, Duration listingLag, Duration agentJoinDelay,
                                double targetLoad, String assignmentUrl, int journalCapacity, String profile,
                                boolean adminTokenSet) {

    public SimulatorSettings {
        apiKeys = List.copyOf(apiKeys);
    }

    /** Every setting once: {@code bind=127.0.0.1 port=7880 keys=[devkey] seed=42 ...}. */
    public String describe() {
        return "bind=" + bind + " port=" + port + " keys=" + apiKeys + " seed=" + seed + " clock=" + clock
                + " availabilityTimeout=" + availabilityTimeout + " listingLag=" + listingLag
                + " agentJoinDelay=" + agentJoinDelay + " targetLoad=" + targetLoad + " profile=" + profile
                + " assignmentUrl=" + (assignmentUrl == null ? "(omitted, as livekit-server)" : assignmentUrl)
                + " journalCapacity=" + journalCapacity + " adminToken=" + (adminTokenSet ? "(set)" : "(none)");
    }
}
