package dev.dispatchsim.admin;

import java.time.Instant;

/** The simulated clock after an admin call: whether it is manual, and the simulated time. */
public record ClockInfo(boolean manual, Instant now) {
}
