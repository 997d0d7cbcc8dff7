package dev.dispatchsim.internal.clock;

import dev.dispatchsim.clock.ManualClock;

import java.time.Instant;
import java.util.Objects;

/**
 * What the event loop does to a {@link ManualClock}: attach itself and set the time as timers run.
 * ManualClock is public and these are not, so it hands them over here once, when its class initialises
 * (the JDK's "shared secrets" pattern); a loop only ever sees a clock instance, so by then they are here.
 */
public final class ManualClockAccess {

    /** Implemented by ManualClock alone. */
    public interface Operations {
        void attach(ManualClock clock, EventLoop loop);

        void set(ManualClock clock, Instant now);
    }

    private static volatile Operations operations;

    private ManualClockAccess() {
    }

    public static void install(Operations value) {
        if (operations != null) {
            throw new IllegalStateException("ManualClock's operations are installed already");
        }
        operations = Objects.requireNonNull(value, "operations");
    }

    static Operations operations() {
        return operations;
    }
}
