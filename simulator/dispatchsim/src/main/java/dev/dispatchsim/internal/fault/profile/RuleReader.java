package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.internal.fault.Rule;
import dev.dispatchsim.internal.fault.Selector;

import java.util.List;
import java.util.Optional;

/**
 * Reads one entry of {@code rules:}. Every part is read even when an earlier one is bad, so all of a
 * rule's problems are found at once; the rule itself is only built when it has none.
 */
final class RuleReader {
    static final List<String> KEYS = List.of("name", "at", "match", "when", "do", "then", "enabled");
    private static final List<String> THEN_KEYS = List.of("state");

    private RuleReader() {
    }

    /** The rule, or empty when it has problems (they are in {@code problems}). */
    static Optional<Rule> read(Node node, List<String> states, Problems problems) {
        int before = problems.count();
        Fields f = Fields.of(node, "a rule", "rule key", KEYS, problems);
        Optional<String> name = problems.attempt(() -> Scalars.text(f.required("name"), "name"));
        Optional<HookPoint> at = problems.attempt(() -> Scalars.oneOf(f.required("at"), "hook point",
                HookPoint.wireNames(), HookPoint::fromWireName));
        Optional<Selector> match = problems.attempt(() -> SelectorReader.read(f.optional("match"), at.orElse(null), problems));
        Optional<ScheduleReader.When> when = problems.attempt(() -> ScheduleReader.read(f.optional("when"), states, problems));
        Optional<String> then = problems.attempt(() -> f.optional("then").map(n -> then(n, states, problems)).orElse(null));
        Optional<FaultEffect> effect = problems.attempt(() -> f.optional("do").isEmpty() && f.optional("then").isPresent()
                ? new FaultEffect.NoEffect() : EffectReader.read(doNode(f), at.orElse(null), problems));
        boolean enabled = problems.attempt(() -> f.optional("enabled").map(n -> Scalars.bool(n, "enabled")).orElse(true))
                .orElse(true);
        if (problems.count() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Rule(name.get(), at.get(), match.get(), when.get().schedule(), effect.get(),
                    when.get().state(), then.orElse(null), enabled));
        } catch (IllegalArgumentException e) {
            // the readers check everything the records check; this is a net, not the main path
            problems.add(Problems.at(f.location(), "rule '" + name.get() + "': " + e.getMessage(), name.get(), List.of()));
            return Optional.empty();
        }
    }

    /** {@code do:} is required unless the rule only moves the scenario state ({@code then:}). */
    private static Node doNode(Fields f) {
        if (f.optional("do").isEmpty() && f.optional("then").isEmpty()) {
            throw Problems.at(f.location(), "missing required rule key 'do' (a rule that only moves the scenario "
                    + "state gives 'then' instead)", null, List.of());
        }
        return f.required("do");
    }

    private static String then(Node node, List<String> states, Problems problems) {
        Fields f = Fields.of(node, "'then'", "then key", THEN_KEYS, problems);
        return ScheduleReader.declaredState(f.required("state"), states);
    }
}
