package dev.dispatchsim.internal.fault;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A rule that fired: everything the journal needs to explain, and a test needs to reproduce,
 * why an event was changed.
 *
 * @param occurrence the rule's 1-based count of matching events at the time it fired
 * @param draw       the uniform number in [0, 1) compared against the schedule's probability, if it has one
 * @param delay      the sampled delay, for a {@link FaultEffect.Delay} only
 */
public record FaultDecision(
        String rule,
        HookPoint hook,
        FaultEffect effect,
        FaultTargets targets,
        long occurrence,
        OptionalDouble draw,
        Optional<Duration> delay) {
}
