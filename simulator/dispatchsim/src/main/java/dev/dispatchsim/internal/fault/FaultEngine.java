package dev.dispatchsim.internal.fault;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, for one event at a hook point, which rules of the loaded profile fire. Pure: it applies
 * nothing and reads no clock; the caller passes virtual time and in-flight count in the context
 * and applies (and journals) the decisions. Same seed, same profile, same ordered contexts ⇒ same
 * decisions.
 *
 * <p>Synchronized because a profile swap (admin API) may come from another thread than the
 * engine thread that calls {@link #decide}; a swap replaces profile and counters in one step.
 */
public final class FaultEngine {
    private final long masterSeed;
    private RuleProfile profile;
    private long seed;
    private Map<HookPoint, List<RuleState>> rulesByHook;

    public FaultEngine(long masterSeed) {
        this.masterSeed = masterSeed;
        load(RuleProfile.none());
    }

    /**
     * Makes {@code p} the active profile with fresh counters and generators. The profile is already
     * validated (it is a {@link RuleProfile}), so this cannot fail half-way.
     */
    public synchronized void load(RuleProfile p) {
        Objects.requireNonNull(p, "profile");
        long s = p.seed().orElse(masterSeed);
        Map<HookPoint, List<RuleState>> byHook = new EnumMap<>(HookPoint.class);
        for (Rule r : p.rules()) {
            byHook.computeIfAbsent(r.at(), h -> new ArrayList<>()).add(new RuleState(r, s));
        }
        this.profile = p;
        this.seed = s;
        this.rulesByHook = byHook;
    }

    /** Restarts the current profile's counters and generators, as if it had just been loaded. */
    public synchronized void reset() {
        load(profile);
    }

    /**
     * Evaluates the rules at {@code ctx.hook()} in profile order. Each rule whose selector matches
     * counts the event; each whose schedule then fires adds a decision. A terminal effect stops the
     * evaluation: the event no longer exists for later rules, so they do not count it either.
     */
    public synchronized List<FaultDecision> decide(FaultContext ctx) {
        List<RuleState> candidates = rulesByHook.getOrDefault(ctx.hook(), List.of());
        List<FaultDecision> decisions = new ArrayList<>(1);
        for (RuleState state : candidates) {
            Optional<FaultDecision> d = state.offer(ctx);
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
     * What {@link #decide} would answer for {@code ctx} now, without counting the event or advancing
     * any rule: for observers (state views, assertions), so that looking never changes which faults fire.
     */
    public synchronized List<FaultDecision> peek(FaultContext ctx) {
        List<FaultDecision> decisions = new ArrayList<>(1);
        for (RuleState state : rulesByHook.getOrDefault(ctx.hook(), List.of())) {
            Optional<FaultDecision> d = state.peek(ctx);
            if (d.isPresent()) {
                decisions.add(d.get());
                if (d.get().effect().terminal()) {
                    break;
                }
            }
        }
        return List.copyOf(decisions);
    }

    public synchronized RuleProfile current() {
        return profile;
    }

    /** The seed in effect: the profile's own if it has one, else the master seed. */
    public synchronized long seed() {
        return seed;
    }

    @Override
    public synchronized String toString() {
        return "FaultEngine[profile=" + profile.name() + ", seed=" + seed + "]";
    }
}
