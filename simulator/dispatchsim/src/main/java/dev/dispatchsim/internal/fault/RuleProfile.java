package dev.dispatchsim.internal.fault;

import dev.dispatchsim.profile.Profile;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@link Profile} is inside: a named, ordered list of rules. Order matters: at one hook the
 * rules are evaluated top to bottom and a terminal effect ends the evaluation. Users see only the
 * {@link Profile} interface, so the rule model can change without breaking them.
 *
 * @param seed overrides the simulator's master seed when present, so a profile can pin the
 *             exact run it reproduces
 */
public record RuleProfile(String name, String description, OptionalLong seed, List<Rule> rules) implements Profile {

    private static final RuleProfile NONE = new RuleProfile("none", "no faults: behave like the real server",
            OptionalLong.empty(), List.of());

    public RuleProfile {
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

    /**
     * The rules of a profile the loader made. A {@link Profile} implemented elsewhere has no rules the
     * fault engine could run, so it is refused, saying where profiles come from.
     */
    public static RuleProfile of(Profile profile) {
        if (profile instanceof RuleProfile rules) {
            return rules;
        }
        throw new IllegalArgumentException("profile '" + profile.name() + "' (" + profile.getClass().getName()
                + ") was not made by dispatchsim; load profiles with Profile.load, Profile.fromYaml or Profile.fromPath");
    }

    @Override
    public List<String> ruleNames() {
        return rules.stream().map(Rule::name).toList();
    }

    /** The empty profile: the simulator behaves like the real server. */
    public static RuleProfile none() {
        return NONE;
    }

    public static RuleProfile of(String name, Rule... rules) {
        return new RuleProfile(name, "", OptionalLong.empty(), List.of(rules));
    }

    /** See {@link Profile#combine}; a duplicate rule name is an IllegalArgumentException naming it. */
    public static RuleProfile combine(String name, Profile... parts) {
        List<Rule> rules = Arrays.stream(parts).map(RuleProfile::of).flatMap(p -> p.rules().stream()).toList();
        String description = Arrays.stream(parts).map(Profile::description).collect(Collectors.joining(" "));
        return new RuleProfile(name, description, OptionalLong.empty(), rules);
    }

    @Override
    public RuleProfile withSeed(long s) {
        return new RuleProfile(name, description, OptionalLong.of(s), rules);
    }

    public RuleProfile withDescription(String d) {
        return new RuleProfile(name, d, seed, rules);
    }
}
