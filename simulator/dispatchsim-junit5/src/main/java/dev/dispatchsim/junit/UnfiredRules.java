package dev.dispatchsim.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.RuleStatus;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The check after a passing test: every enabled rule of the profile in force fired at least once. The message
 * is the one {@code hasAppliedFault} gives, for every rule that did not fire, and says how to opt out.
 */
final class UnfiredRules {

    private UnfiredRules() {
    }

    /** Null when every enabled rule fired. */
    static String check(LiveKitSimulator sim) {
        List<RuleStatus> rules = sim.admin().rules();
        List<RuleStatus> unfired = rules.stream().filter(r -> r.enabled() && r.fired() == 0).toList();
        if (unfired.isEmpty()) {
            return null;
        }
        List<RuleStatus> fired = rules.stream().filter(r -> r.fired() > 0).toList();
        String firedText = fired.isEmpty() ? "no rule fired" : "rules that fired: " + fired.stream()
                .map(r -> "'" + r.name() + "' x" + r.fired()).collect(Collectors.joining(", "));
        String which = unfired.stream().map(r -> "rule '" + r.name() + "' of profile '" + sim.profile().name()
                + "' never fired (at " + r.at() + ", saw " + r.matched() + " matching event(s))")
                .collect(Collectors.joining("; "));
        return which + "; " + firedText + "\n(a test whose profile has rules it does not mean to fire: "
                + "@AllowUnfiredRules on the test or its class, or @FaultProfile(failOnUnfiredRules = false))";
    }
}
