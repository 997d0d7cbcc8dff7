package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.internal.fault.Rule;

import java.util.List;

/** Reads one entry of {@code rules:}. */
final class RuleReader {
    static final List<String> KEYS = List.of("name", "at", "match", "when", "do");

    private RuleReader() {
    }

    static Rule read(Node node) {
        Fields f = Fields.of(node, "a rule", "rule key", KEYS);
        String name = Scalars.text(f.required("name"), "name");
        HookPoint at = Scalars.oneOf(f.required("at"), "hook point", HookPoint.wireNames(), HookPoint::fromWireName);
        var match = SelectorReader.read(f.optional("match"));
        var when = ScheduleReader.read(f.optional("when"));
        FaultEffect effect = EffectReader.read(f.required("do"), at);
        try {
            return new Rule(name, at, match, when, effect);
        } catch (IllegalArgumentException e) {
            // the readers check everything the records check; this is a net, not the main path
            throw Problems.at(f.location(), "rule '" + name + "': " + e.getMessage(), name, List.of());
        }
    }
}
