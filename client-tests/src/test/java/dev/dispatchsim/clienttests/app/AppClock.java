package dev.dispatchsim.clienttests.app;

import java.time.Duration;
import java.time.Instant;

/**
 * The app's own time: production code waits in real time, tests hand in a clock that moves the
 * simulator's virtual time instead, so a 16 s wait costs nothing and every run is the same.
 */
public interface AppClock {

    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    /** Real time, for production. */
    static AppClock system() {
        return new AppClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
