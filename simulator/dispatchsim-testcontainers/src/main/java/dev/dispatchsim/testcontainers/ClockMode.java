package dev.dispatchsim.testcontainers;

import java.util.Locale;

/** The simulator's clock in the container ({@code DISPATCHSIM_CLOCK}). */
public enum ClockMode {
    /** Real time: timeouts and delays run out by themselves. */
    SYSTEM,
    /** Time moves only when the test says so: {@code container.admin().advanceClock(...)}. */
    MANUAL;

    /** The value the standalone server takes: {@code system} or {@code manual}. */
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
