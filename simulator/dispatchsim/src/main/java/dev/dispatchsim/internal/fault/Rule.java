package dev.dispatchsim.internal.fault;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One fault rule: at a hook point, for events the selector matches, when the schedule says so,
 * apply the effect. The name is required and must be unique in its profile because it seeds the
 * rule's random generator: naming rules by position would let an inserted rule shift every
 * later rule's draws.
 *
 * @param inState   the scenario state the rule needs ({@code when: {state: outage}}); null = any state.
 *                  In any other state the rule does not see events at all, so it does not count them either
 * @param thenState the scenario state to move to when the rule fires ({@code then: {state: recovered}}), or null
 * @param effect    {@link FaultEffect.NoEffect} for a rule that only moves the scenario state
 * @param enabled   a disabled rule (admin API) sees no events; its counters stay as they were
 */
public record Rule(String name, HookPoint at, Selector match, Schedule when, FaultEffect effect, String inState,
                   String thenState, boolean enabled) {

    public Rule {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a rule needs a non-blank name");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(effect, "effect");
        if (!effect.allowedAt().contains(at)) {
            throw new IllegalArgumentException("rule '" + name + "': effect '" + effect.typeName()
                    + "' is not allowed at hook point '" + at.wireName() + "'; allowed at: "
                    + effect.allowedAt().stream().map(HookPoint::wireName).collect(Collectors.joining(", ")));
        }
        if (effect instanceof FaultEffect.NoEffect && thenState == null) {
            throw new IllegalArgumentException("rule '" + name + "' does nothing: give it an effect or a state to move to");
        }
    }

    /** A rule that is not tied to scenario states, enabled. */
    public Rule(String name, HookPoint at, Selector match, Schedule when, FaultEffect effect) {
        this(name, at, match, when, effect, null, null, true);
    }

    /** A rule that fires on every event at {@code at}; refine with {@link #withMatch} and {@link #withWhen}. */
    public static Rule of(String name, HookPoint at, FaultEffect effect) {
        return new Rule(name, at, Selector.any(), Schedule.always(), effect);
    }

    public Rule withMatch(Selector s) {
        return new Rule(name, at, s, when, effect, inState, thenState, enabled);
    }

    public Rule withWhen(Schedule s) {
        return new Rule(name, at, match, s, effect, inState, thenState, enabled);
    }

    /** Only in scenario state {@code state}, moving to {@code then} when it fires (either may be null). */
    public Rule withStates(String state, String then) {
        return new Rule(name, at, match, when, effect, state, then, enabled);
    }

    public Rule withEnabled(boolean value) {
        return new Rule(name, at, match, when, effect, inState, thenState, value);
    }
}
