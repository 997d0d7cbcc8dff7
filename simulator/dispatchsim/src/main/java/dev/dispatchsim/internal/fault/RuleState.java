package dev.dispatchsim.internal.fault;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * One rule's counters and generators for the lifetime of a loaded profile. Two generators, both
 * derived from (seed, rule name): one for the schedule's probability, one for the effect's delay
 * samples. Keeping them apart means the k-th matching event always sees the k-th probability draw
 * and the k-th firing the k-th delay sample, whatever else the rule's schedule says.
 */
final class RuleState {
    /** Replaced only by a toggle of {@code enabled}, which keeps the counters and generators. */
    private Rule rule;
    private final SplittableRandom whenRandom;
    private final SplittableRandom doRandom;
    private long matched;
    private long fired;
    /** A probability draw a peek already took for the next matching event; the next offer uses it. */
    private OptionalDouble pendingDraw = OptionalDouble.empty();

    RuleState(Rule rule, long seed) {
        this.rule = rule;
        this.whenRandom = new SplittableRandom(Seeds.derive(seed, "fault-rule/" + rule.name() + "/when"));
        this.doRandom = new SplittableRandom(Seeds.derive(seed, "fault-rule/" + rule.name() + "/do"));
    }

    Rule rule() {
        return rule;
    }

    void replace(Rule changed) {
        this.rule = changed;
    }

    long matched() {
        return matched;
    }

    long fired() {
        return fired;
    }

    /**
     * Whether the rule sees the event at all: enabled, in its scenario state (if it names one) and
     * selected. Only events it sees are counted, so "the 2nd occurrence" means the 2nd one in its state.
     */
    private boolean sees(FaultContext ctx, String scenarioState) {
        return rule.enabled() && (rule.inState() == null || rule.inState().equals(scenarioState))
                && rule.match().matches(ctx);
    }

    /** Counts the event if the rule sees it, and returns a decision if the schedule fires. */
    Optional<FaultDecision> offer(FaultContext ctx, String scenarioState) {
        if (!sees(ctx, scenarioState)) {
            return Optional.empty();
        }
        long occurrence = ++matched;
        Schedule when = rule.when();
        OptionalDouble draw = nextDraw();
        pendingDraw = OptionalDouble.empty();
        if (!when.admits(occurrence, fired, ctx, draw.orElse(Double.NaN))) {
            return Optional.empty();
        }
        fired++;
        Optional<Duration> delay = rule.effect() instanceof FaultEffect.Delay d
                ? Optional.of(d.sample(doRandom)) : Optional.empty();
        return Optional.of(new FaultDecision(rule.name(), ctx.hook(), rule.effect(), FaultTargets.of(ctx),
                occurrence, draw, delay, rule.thenState()));
    }

    /**
     * Whether the rule would fire if {@code ctx} happened now, without counting it: for observers that
     * must not change what later events see. The probability draw it needs is kept for the next real
     * event, so peeking never shifts the sequence of draws. Delays are not sampled.
     */
    Optional<FaultDecision> peek(FaultContext ctx, String scenarioState) {
        if (!sees(ctx, scenarioState)) {
            return Optional.empty();
        }
        OptionalDouble draw = nextDraw();
        pendingDraw = draw;
        if (!rule.when().admits(matched + 1, fired, ctx, draw.orElse(Double.NaN))) {
            return Optional.empty();
        }
        return Optional.of(new FaultDecision(rule.name(), ctx.hook(), rule.effect(), FaultTargets.of(ctx),
                matched + 1, draw, Optional.empty(), rule.thenState()));
    }

    /** Drawn for every matching event, before the other criteria, so draws line up with occurrences. */
    private OptionalDouble nextDraw() {
        if (pendingDraw.isPresent() || !rule.when().draws()) {
            return pendingDraw;
        }
        return OptionalDouble.of(whenRandom.nextDouble());
    }
}
