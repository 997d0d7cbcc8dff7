package dev.dispatchsim.clock;

import java.time.Instant;

/**
 * The only source of simulated time. Every timeout and every injected delay is an event scheduled
 * on the simulator's event loop against this clock, never a sleep, so a 16 s delay under
 * {@link ManualClock} costs no wall time.
 */
public interface SimClock {

    Instant now();

    /** True when time moves only on {@link ManualClock#advance}; the event loop then never waits for timers. */
    default boolean isManual() {
        return false;
    }
}
