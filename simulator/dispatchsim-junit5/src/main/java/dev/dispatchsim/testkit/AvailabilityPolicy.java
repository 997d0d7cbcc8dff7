package dev.dispatchsim.testkit;

import java.time.Duration;

/**
 * How a {@link FakeAgentWorker} answers AvailabilityRequests: accept, reject, ignore (never answer)
 * or terminate, optionally after a real-time delay.
 */
public record AvailabilityPolicy(Answer answer, Duration delay) {

    public enum Answer { ACCEPT, REJECT, IGNORE, TERMINATE }

    public static AvailabilityPolicy accept() {
        return new AvailabilityPolicy(Answer.ACCEPT, Duration.ZERO);
    }

    public static AvailabilityPolicy reject() {
        return new AvailabilityPolicy(Answer.REJECT, Duration.ZERO);
    }

    public static AvailabilityPolicy ignore() {
        return new AvailabilityPolicy(Answer.IGNORE, Duration.ZERO);
    }

    public static AvailabilityPolicy terminate() {
        return new AvailabilityPolicy(Answer.TERMINATE, Duration.ZERO);
    }

    public AvailabilityPolicy after(Duration value) {
        return new AvailabilityPolicy(answer, value);
    }
}
