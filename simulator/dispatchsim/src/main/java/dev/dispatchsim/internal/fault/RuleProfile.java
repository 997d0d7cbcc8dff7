package dev.dispatchsim.internal.fault;

import dev.dispatchsim.profile.Profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@link Profile} is inside: a named, ordered list of rules. Order matters: at one hook the
 * rules are evaluated top to bottom and a terminal effect ends the evaluation. Users see only the
 * {@link Profile} interface, so the rule model can change without breaking them.
 *
 * @param seed       the profile's own seed: used for its rules only when {@code seedFixed}, otherwise only
 *                   as the standalone server's default when no {@code --seed} is given
 * @param seedFixed  the profile pins its seed, so the run's seed does not change its draws
 * @param states     the scenario states it declares, the initial one first; empty = no scenario states
 */
public record RuleProfile(String name, String description, OptionalLong seed, boolean seedFixed, List<String> states,
                          List<Rule> rules) implements Profile {

    private static final RuleProfile NONE = new RuleProfile("none", "no faults: behave like the real server",
            OptionalLong.empty(), List.of());

    public RuleProfile {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(seed, "seed");
        if (seedFixed && seed.isEmpty()) {
            throw new IllegalArgumentException("profile '" + name + "' fixes its seed but gives none");
        }
        states = List.copyOf(states);
        rules = List.copyOf(rules);
        if (new HashSet<>(states).size() != states.size()) {
            throw new IllegalArgumentException("profile '" + name + "' declares a state twice: " + states);
        }
        Set<String> names = new HashSet<>();
        for (Rule r : rules) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("duplicate rule name '" + r.name() + "' in profile '" + name + "'");
            }
            requireDeclared(r.inState(), r, states);
            requireDeclared(r.thenState(), r, states);
        }
    }

    public RuleProfile(String name, String description, OptionalLong seed, List<Rule> rules) {
        this(name, description, seed, false, List.of(), rules);
    }

    private static void requireDeclared(String state, Rule rule, List<String> states) {
        if (state != null && !states.contains(state)) {
            throw new IllegalArgumentException("rule '" + rule.name() + "' names state '" + state
                    + "', which the profile does not declare; its states: " + states);
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

    /** The scenario state a load starts in: the first declared, or empty when the profile has none. */
    public Optional<String> initialState() {
        return states.stream().findFirst();
    }

    /** The empty profile: the simulator behaves like the real server. */
    public static RuleProfile none() {
        return NONE;
    }

    public static RuleProfile of(String name, Rule... rules) {
        return new RuleProfile(name, "", OptionalLong.empty(), List.of(rules));
    }

    /**
     * See {@link Profile#combine}; a duplicate rule name is an IllegalArgumentException naming it. Scenario
     * states are the parts' states in order, each once (the first part's initial state is the initial one).
     */
    public static RuleProfile combine(String name, Profile... parts) {
        List<RuleProfile> profiles = Arrays.stream(parts).map(RuleProfile::of).toList();
        List<Rule> rules = profiles.stream().flatMap(p -> p.rules().stream()).toList();
        List<String> states = profiles.stream().flatMap(p -> p.states().stream()).distinct().toList();
        String description = Arrays.stream(parts).map(Profile::description).collect(Collectors.joining(" "));
        return new RuleProfile(name, description, OptionalLong.empty(), false, states, rules);
    }

    /** The same rules drawing from {@code s}, whatever seed the simulator runs with. */
    @Override
    public RuleProfile withSeed(long s) {
        return new RuleProfile(name, description, OptionalLong.of(s), true, states, rules);
    }

    public RuleProfile withDescription(String d) {
        return new RuleProfile(name, d, seed, seedFixed, states, rules);
    }

    /** The profile with {@code rule} appended (run time: POST /_sim/profile/rules). */
    public RuleProfile withRule(Rule rule) {
        List<Rule> more = new ArrayList<>(rules);
        more.add(rule);
        return new RuleProfile(name, description, seed, seedFixed, states, more);
    }

    /** The profile with the rule of that name replaced by {@code rule}, or removed when {@code rule} is null. */
    public RuleProfile replacing(String ruleName, Rule rule) {
        List<Rule> changed = new ArrayList<>();
        for (Rule r : rules) {
            if (!r.name().equals(ruleName)) {
                changed.add(r);
            } else if (rule != null) {
                changed.add(rule);
            }
        }
        return new RuleProfile(name, description, seed, seedFixed, states, changed);
    }

    public Optional<Rule> rule(String ruleName) {
        return rules.stream().filter(r -> r.name().equals(ruleName)).findFirst();
    }
}
