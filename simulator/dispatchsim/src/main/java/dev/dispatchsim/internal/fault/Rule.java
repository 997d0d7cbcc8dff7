package dev.dispatchsim.internal.fault;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One fault rule: at a hook point, for events the selector matches, when the schedule says so,
 * apply the effect. The name is required and must be unique in its profile because it seeds the
 * rule's random generator: naming rules by position would let an inserted rule shift every
 * later rule's draws.
 */
public record Rule(String name, HookPoint at, Selector match, Schedule when, FaultEffect effect) {

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
    }

    /** A rule that fires on every event at {@code at}; refine with {@link #withMatch} and {@link #withWhen}. */
    public static Rule of(String name, HookPoint at, FaultEffect effect) {
        return new Rule(name, at, Selector.any(), Schedule.always(), effect);
    }

    public Rule withMatch(Selector s) {
        return new Rule(name, at, s, when, effect);
    }

    public Rule withWhen(Schedule s) {
        return new Rule(name, at, match, s, effect);
    }
}
