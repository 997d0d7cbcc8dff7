package dev.dispatchsim.clienttests.app;

import dev.dispatchsim.testkit.VirtualTime;

import java.time.Duration;
import java.time.Instant;

/** The app's clock in tests: its sleeps move the simulator's ManualClock, one due event at a time. */
final class VirtualAppClock implements AppClock {

    private final VirtualTime time;

    VirtualAppClock(VirtualTime time) {
        this.time = time;
    }

    @Override
    public Instant now() {
        return time.now();
    }

    @Override
    public void sleep(Duration duration) {
        time.advance(duration);
    }
}
