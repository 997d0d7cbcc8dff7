package dev.dispatchsim.internal.clock;

import java.time.Instant;

/**
 * Wall time for the few things that must not be simulated: the journal's wall-time column (which
 * the determinism contract ignores) and checking tokens that real clients minted with real time.
 */
public final class WallClock {

    private WallClock() {
    }

    public static Instant now() {
        return Instant.now();
    }

    /** A monotonic reading for measuring how long a wait took, never for simulated state. */
    public static long nanoTime() {
        return System.nanoTime();
    }
}
