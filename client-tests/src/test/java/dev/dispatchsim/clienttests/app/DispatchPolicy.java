package dev.dispatchsim.clienttests.app;

import java.time.Duration;

/**
 * How hard the dispatcher tries. Defaults follow the createRoom-agents report's workaround (verify
 * within a few seconds, then CreateDispatch up to 3 times), with each API call retried on transient
 * errors with exponential backoff.
 *
 * @param verifyWindow    how long to wait for the agent after CreateRoom and after each fallback
 * @param pollInterval    how often to look for the agent participant during that window
 * @param maxFallbacks    CreateDispatch fallbacks after CreateRoom's own dispatch did not arrive
 * @param maxCallAttempts tries per API call when the answer is retryable (503, 429, unreachable)
 * @param firstBackoff    wait before the second try; doubles each time, up to {@code maxBackoff}
 * @param listingWindow   how long ListDispatch may take to list the arrived agent's job: livekit-server lists
 *                        the first job after a worker registered about 5 s after its assignment
 */
public record DispatchPolicy(Duration verifyWindow, Duration pollInterval, int maxFallbacks, int maxCallAttempts,
                             Duration firstBackoff, Duration maxBackoff, Duration listingWindow) {

    public static DispatchPolicy defaults() {
        return new DispatchPolicy(Duration.ofSeconds(4), Duration.ofMillis(250), 3, 4,
                Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(7));
    }
}
