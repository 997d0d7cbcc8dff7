package dev.dispatchsim.fault;

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
    private final Rule rule;
    private final SplittableRandom whenRandom;
    private final SplittableRandom doRandom;
    private long matched;
    private long fired;

    RuleState(Rule rule, long seed) {
        this.rule = rule;
        this.whenRandom = new SplittableRandom(Seeds.derive(seed, "fault-rule/" + rule.name() + "/when"));
        this.doRandom = new SplittableRandom(Seeds.derive(seed, "fault-rule/" + rule.name() + "/do"));
    }

    Rule rule() {
        return rule;
    }

    /** Counts the event if the selector matches, and returns a decision if the schedule fires. */
    Optional<FaultDecision> offer(FaultContext ctx) {
        if (!rule.match().matches(ctx)) {
            return Optional.empty();
        }
        long occurrence = ++matched;
        Schedule when = rule.when();
        // drawn for every matching event, before the other criteria, so draws line up with occurrences
        OptionalDouble draw = when.draws() ? OptionalDouble.of(whenRandom.nextDouble()) : OptionalDouble.empty();
        if (!when.admits(occurrence, fired, ctx, draw.orElse(Double.NaN))) {
            return Optional.empty();
        }
        fired++;
        Optional<Duration> delay = rule.effect() instanceof FaultEffect.Delay d
                ? Optional.of(d.sample(doRandom)) : Optional.empty();
        return Optional.of(new FaultDecision(rule.name(), ctx.hook(), rule.effect(), FaultTargets.of(ctx),
                occurrence, draw, delay));
    }
}
