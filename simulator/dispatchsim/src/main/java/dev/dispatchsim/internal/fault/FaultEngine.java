package dev.dispatchsim.internal.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, for one event at a hook point, which rules of the loaded profile fire. Pure: it applies
 * nothing and reads no clock; the caller passes virtual time and in-flight count in the context
 * and applies (and journals) the decisions. Same seed, same profile, same ordered contexts ⇒ same
 * decisions. It also holds the profile's scenario state, which rules read ({@code when: {state}})
 * and move ({@code then: {state}}).
 *
 * <p>Synchronized because a profile swap (admin API) may come from another thread than the
 * engine thread that calls {@link #decide}; a swap replaces profile, counters and state in one step.
 */
public final class FaultEngine {
    private final long masterSeed;
    private RuleProfile profile;
    private long seed;
    /** In profile order; a hook's rules are the ones whose {@code at} is that hook. */
    private List<RuleState> rules;
    private String scenarioState;

    /** A rule with its counters, for the admin API and the unfired-rules check. */
    public record RuleCounters(Rule rule, long matched, long fired) {
    }

    public FaultEngine(long masterSeed) {
        this.masterSeed = masterSeed;
        load(RuleProfile.none());
    }

    /**
     * Makes {@code p} the active profile with fresh counters and generators, in its initial scenario
     * state. The profile is already validated (it is a {@link RuleProfile}), so this cannot fail half-way.
     */
    public synchronized void load(RuleProfile p) {
        Objects.requireNonNull(p, "profile");
        long s = p.seedFixed() ? p.seed().getAsLong() : masterSeed;
        List<RuleState> fresh = new ArrayList<>();
        for (Rule r : p.rules()) {
            fresh.add(new RuleState(r, s));
        }
        this.profile = p;
        this.seed = s;
        this.rules = fresh;
        this.scenarioState = p.initialState().orElse(null);
    }

    /** Restarts the current profile's counters, generators and scenario state, as if it had just been loaded. */
    public synchronized void reset() {
        load(profile);
    }

    /**
     * Evaluates the rules at {@code ctx.hook()} in profile order. Each rule that sees the event (enabled, in
     * its state, selected) counts it; each whose schedule then fires adds a decision. A terminal effect stops
     * the evaluation: the event no longer exists for later rules, so they do not count it either. Every rule
     * evaluates the event in the state it arrived in; the last firing rule's {@code then} takes effect after.
     */
    public synchronized List<FaultDecision> decide(FaultContext ctx) {
        List<FaultDecision> decisions = evaluate(ctx, false);
        decisions.stream().map(FaultDecision::thenState).filter(Objects::nonNull).reduce((a, b) -> b)
                .ifPresent(next -> scenarioState = next);
        return decisions;
    }

    /**
     * What {@link #decide} would answer for {@code ctx} now, without counting the event, advancing any rule
     * or moving the state: for observers (state views, assertions), so that looking never changes which faults fire.
     */
    public synchronized List<FaultDecision> peek(FaultContext ctx) {
        return evaluate(ctx, true);
    }

    private List<FaultDecision> evaluate(FaultContext ctx, boolean peek) {
        List<FaultDecision> decisions = new ArrayList<>(1);
        for (RuleState state : rules) {
            if (state.rule().at() != ctx.hook()) {
                continue;
            }
            Optional<FaultDecision> d = peek ? state.peek(ctx, scenarioState) : state.offer(ctx, scenarioState);
            if (d.isPresent()) {
                decisions.add(d.get());
                if (d.get().effect().terminal()) {
                    break;
                }
            }
        }
        return List.copyOf(decisions);
    }

    /**
     * Adds {@code rule} after the others, with fresh counters; the other rules keep theirs (each rule draws
     * from its own generator, so they draw exactly as before).
     *
     * @throws IllegalArgumentException when the name is taken or the rule names an undeclared state
     */
    public synchronized void addRule(Rule rule) {
        RuleProfile changed = profile.withRule(rule);
        rules.add(new RuleState(rule, seed));
        profile = changed;
    }

    /** Removes the rule of that name; false when there is none. The others keep their counters. */
    public synchronized boolean removeRule(String name) {
        if (profile.rule(name).isEmpty()) {
            return false;
        }
        profile = profile.replacing(name, null);
        rules.removeIf(r -> r.rule().name().equals(name));
        return true;
    }

    /** Switches the rule of that name on or off, keeping its counters; false when there is none. */
    public synchronized boolean setEnabled(String name, boolean enabled) {
        Optional<RuleState> state = rules.stream().filter(r -> r.rule().name().equals(name)).findFirst();
        if (state.isEmpty()) {
            return false;
        }
        Rule changed = state.get().rule().withEnabled(enabled);
        state.get().replace(changed);
        profile = profile.replacing(name, changed);
        return true;
    }

    /** The scenario state now, or null when the profile declares no states. */
    public synchronized String scenarioState() {
        return scenarioState;
    }

    /** @throws IllegalArgumentException when the profile does not declare {@code state} */
    public synchronized void setScenarioState(String state) {
        if (!profile.states().contains(state)) {
            throw new IllegalArgumentException(profile.states().isEmpty()
                    ? "profile '" + profile.name() + "' declares no scenario states"
                    : "profile '" + profile.name() + "' has no state '" + state + "'; its states: " + profile.states());
        }
        scenarioState = state;
    }

    /** Every rule of the profile in force with its counters, in profile order. */
    public synchronized List<RuleCounters> counters() {
        return rules.stream().map(r -> new RuleCounters(r.rule(), r.matched(), r.fired())).toList();
    }

    public synchronized RuleProfile current() {
        return profile;
    }

    /** The seed the rules draw from: the profile's own when it fixes it ({@code seed_fixed}), else the master seed. */
    public synchronized long seed() {
        return seed;
    }

    @Override
    public synchronized String toString() {
        return "FaultEngine[profile=" + profile.name() + ", seed=" + seed + "]";
    }
}
