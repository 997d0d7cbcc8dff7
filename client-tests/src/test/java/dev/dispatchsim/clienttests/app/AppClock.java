package dev.dispatchsim.clienttests.app;

import java.time.Duration;
import java.time.Instant;

/**
 * The app's own time: in production the app hands in a real-time clock; tests hand in one that moves
 * the simulator's virtual time instead ({@link VirtualAppClock}), so a 16 s wait costs nothing and
 * every run is the same.
 */
public interface AppClock {

    Instant now();

    void sleep(Duration duration) throws InterruptedException;
}
