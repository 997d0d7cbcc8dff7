package dev.dispatchsim.clock;

import java.time.Instant;

/** Real time: for the standalone server and for tests whose clients run their own timers. */
public final class SystemClock implements SimClock {

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public String toString() {
        return "SystemClock";
    }
}
