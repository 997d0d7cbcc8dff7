package dev.dispatchsim.fault;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A named, ordered list of rules. Order matters: at one hook the rules are evaluated top to
 * bottom and a terminal effect ends the evaluation.
 *
 * @param seed overrides the simulator's master seed when present, so a profile can pin the
 *             exact run it reproduces
 */
public record Profile(String name, String description, OptionalLong seed, List<Rule> rules) {

    private static final Profile NONE = new Profile("none", "no faults: behave like the real server",
            OptionalLong.empty(), List.of());

    public Profile {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(seed, "seed");
        rules = List.copyOf(rules);
        Set<String> names = new HashSet<>();
        for (Rule r : rules) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("duplicate rule name '" + r.name() + "' in profile '" + name + "'");
            }
        }
    }

    /** The empty profile: the simulator behaves like the real server. */
    public static Profile none() {
        return NONE;
    }

    public static Profile of(String name, Rule... rules) {
        return new Profile(name, "", OptionalLong.empty(), List.of(rules));
    }

    public Profile withSeed(long s) {
        return new Profile(name, description, OptionalLong.of(s), rules);
    }

    public Profile withDescription(String d) {
        return new Profile(name, d, seed, rules);
    }
}
