package dev.dispatchsim.internal.fault;

import dev.dispatchsim.journal.AppliedEffect;

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
 * @param thenState  the scenario state the rule moves to, or null
 */
public record FaultDecision(
        String rule,
        HookPoint hook,
        FaultEffect effect,
        FaultTargets targets,
        long occurrence,
        OptionalDouble draw,
        Optional<Duration> delay,
        String thenState) {

    public FaultDecision(String rule, HookPoint hook, FaultEffect effect, FaultTargets targets, long occurrence,
                         OptionalDouble draw, Optional<Duration> delay) {
        this(rule, hook, effect, targets, occurrence, draw, delay, null);
    }

    /** What the rule did, as the journal records it: the sampled delay, the error sent, the status reported. */
    public AppliedEffect applied() {
        if (effect instanceof FaultEffect.Delay) {
            return new AppliedEffect.Delayed(delay.orElseThrow(() -> new IllegalStateException(
                    "rule '" + rule + "' fired a delay without sampling it (a peek is never journaled)")));
        }
        if (effect instanceof FaultEffect.Duplicate duplicate) {
            return new AppliedEffect.Duplicated(duplicate.offset());
        }
        if (effect instanceof FaultEffect.Reorder) {
            return new AppliedEffect.Reordered();
        }
        if (effect instanceof FaultEffect.Fail fail) {
            return failed(fail.failure());
        }
        if (effect instanceof FaultEffect.Report report) {
            return new AppliedEffect.Reported(report.status(), report.error(), report.visible());
        }
        if (effect instanceof FaultEffect.Disconnect disconnect) {
            return new AppliedEffect.Disconnected(disconnect.code(), disconnect.reason());
        }
        return effect instanceof FaultEffect.Stall ? new AppliedEffect.Stalled() : new AppliedEffect.Dropped();
    }

    private static AppliedEffect failed(FaultEffect.Fail.Failure failure) {
        if (failure instanceof FaultEffect.Fail.Twirp twirp) {
            return new AppliedEffect.Failed(twirp.code().httpStatus(), twirp.code().wireName(), twirp.message());
        }
        if (failure instanceof FaultEffect.Fail.HttpStatus http) {
            return new AppliedEffect.Failed(http.status(), "", http.body());
        }
        // ws_close: the upgrade is accepted and the socket closed at once, which is a disconnect
        FaultEffect.Fail.WsClose close = (FaultEffect.Fail.WsClose) failure;
        return new AppliedEffect.Disconnected(close.code(), close.reason());
    }
}
