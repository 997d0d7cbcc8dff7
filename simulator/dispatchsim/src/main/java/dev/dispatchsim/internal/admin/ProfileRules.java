package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.RuleStatus;
import dev.dispatchsim.internal.engine.Engine;
import dev.dispatchsim.internal.fault.FaultEngine.RuleCounters;
import dev.dispatchsim.internal.fault.Rule;
import dev.dispatchsim.internal.fault.TwirpRpcs;
import dev.dispatchsim.internal.fault.profile.ProfileLoader;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import dev.dispatchsim.profile.ProfileException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run-time side of a profile, for {@link InProcessAdmin}: one rule at a time (the Toxiproxy way: add,
 * remove, switch off, each journaled, the other rules' counters kept), the scenario state, and the Twirp
 * calls a test verifies.
 */
final class ProfileRules {

    private final Engine engine;

    ProfileRules(Engine engine) {
        this.engine = engine;
    }

    List<RuleStatus> rules() {
        return engine.faults().counters().stream().map(ProfileRules::status).toList();
    }

    RuleStatus add(String text) {
        if (text == null || text.isBlank()) {
            throw AdminException.badRequest("the rule is empty: send one rule in YAML or JSON, e.g. "
                    + "{\"name\": \"r\", \"at\": \"agent_join\", \"do\": \"drop\"}");
        }
        Rule rule;
        try {
            rule = ProfileLoader.ruleFromYaml(text, engine.faults().current().states());
        } catch (ProfileException rejected) {
            throw ProfileErrors.toAdmin(rejected);
        }
        if (engine.faults().current().rule(rule.name()).isPresent()) {
            throw taken(rule.name());
        }
        try {
            EngineCalls.joinOrThrow(engine.addRule(rule), "add rule '" + rule.name() + "'");
        } catch (IllegalArgumentException raced) {
            throw taken(rule.name()); // added by another call between the check and the engine step
        }
        return status(rule.name());
    }

    void remove(String name) {
        if (!EngineCalls.join(engine.removeRule(name), "remove rule '" + name + "'")) {
            throw unknown(name);
        }
    }

    RuleStatus setEnabled(String name, boolean enabled) {
        if (!EngineCalls.join(engine.setRuleEnabled(name, enabled), (enabled ? "enable" : "disable") + " rule '" + name + "'")) {
            throw unknown(name);
        }
        return status(name);
    }

    void setScenarioState(String state) {
        if (state == null || state.isBlank()) {
            throw AdminException.badRequest("state is required; the profile's states: " + engine.faults().current().states());
        }
        try {
            EngineCalls.joinOrThrow(engine.setScenarioState(state), "set the scenario state");
        } catch (IllegalArgumentException undeclared) {
            List<String> states = engine.faults().current().states();
            throw new AdminException(400, "invalid_argument", undeclared.getMessage(),
                    Map.of("state", state, "validValues", states));
        }
    }

    /** Answered Twirp calls, optionally of one method and about one room; an unserved method is a typo, not "none". */
    List<JournalEntry> twirpCalls(String method, String room) {
        boolean anyMethod = method == null || method.isEmpty();
        if (!anyMethod && !TwirpRpcs.methods().contains(method)) {
            throw new AdminException(400, "invalid_argument", "the simulator serves no Twirp method '" + method
                    + "'; valid: " + String.join(", ", TwirpRpcs.methods()),
                    Map.of("method", method, "validValues", TwirpRpcs.methods()));
        }
        return engine.journal().entries().stream()
                .filter(e -> e.event() instanceof TwirpCall c && (anyMethod || c.method().equals(method))
                        && (room == null || room.isEmpty() || c.room().equals(room))).toList();
    }

    private RuleStatus status(String name) {
        return engine.faults().counters().stream().filter(c -> c.rule().name().equals(name)).findFirst()
                .map(ProfileRules::status).orElseThrow(() -> unknown(name));
    }

    private static RuleStatus status(RuleCounters c) {
        Rule r = c.rule();
        return new RuleStatus(r.name(), r.at().wireName(), r.enabled(), c.matched(), c.fired(), r.inState(), r.thenState());
    }

    private AdminException unknown(String name) {
        List<String> names = engine.faults().current().ruleNames();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", name);
        details.put("rules", names);
        return new AdminException(404, "not_found", "profile '" + engine.faults().current().name() + "' has no rule '"
                + name + "'; its rules: " + names, details);
    }

    private AdminException taken(String name) {
        return new AdminException(409, "already_exists", "profile '" + engine.faults().current().name()
                + "' already has a rule '" + name + "'; remove it first or pick another name", Map.of("rule", name));
    }
}
