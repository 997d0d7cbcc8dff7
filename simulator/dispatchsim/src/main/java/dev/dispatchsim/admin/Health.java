package dev.dispatchsim.admin;

import java.time.Instant;

/**
 * {@code GET /_sim/health}: the simulator is up. {@code clock} is {@code system} or {@code manual};
 * {@code now} is simulated time; {@code lastSeq} the journal's newest sequence number (0 when empty).
 */
public record Health(String status, String version, long seed, String clock, Instant now, long lastSeq) {

    public static final String VERSION = "0.1.0";
}
