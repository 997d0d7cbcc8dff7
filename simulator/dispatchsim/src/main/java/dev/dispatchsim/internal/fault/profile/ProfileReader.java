package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.Rule;
import dev.dispatchsim.internal.fault.RuleProfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the top level of a profile: name, description, seed, seed_fixed, states, rules. Every part is
 * read, and every problem kept; the profile is refused at the end with all of them, in text order.
 */
final class ProfileReader {
    static final List<String> KEYS = List.of("name", "description", "seed", "seed_fixed", "states", "rules");

    private ProfileReader() {
    }

    static RuleProfile read(Node root) {
        Problems problems = new Problems();
        Fields f = Fields.of(root, "the profile", "profile key", KEYS, problems);
        Optional<String> name = problems.attempt(() -> Scalars.text(f.required("name"), "name"));
        String description = problems.attempt(() -> f.optional("description").map(n -> Scalars.text(n, "description"))
                .orElse("")).orElse("");
        OptionalLong seed = problems.attempt(() -> f.optional("seed").map(n -> Scalars.anyLong(n, "seed")).orElse(null))
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        boolean seedFixed = problems.attempt(() -> f.optional("seed_fixed").map(n -> seedFixed(n, f)).orElse(false))
                .orElse(false);
        List<String> states = problems.attempt(() -> f.optional("states").map(n -> states(n, problems)).orElse(List.of()))
                .orElse(List.of());
        List<Rule> rules = rules(f, states, problems);
        problems.throwIfAny();
        return new RuleProfile(name.orElseThrow(), description, seed, seedFixed, states, rules);
    }

    private static boolean seedFixed(Node node, Fields f) {
        boolean fixed = Scalars.bool(node, "seed_fixed");
        if (fixed && f.optional("seed").isEmpty()) {
            throw Problems.at(node.location(), "'seed_fixed: true' needs a 'seed' to fix", "true", List.of());
        }
        return fixed;
    }

    /** Scenario states: names, each once, the initial one first; a repeated one is a problem and read once. */
    private static List<String> states(Node node, Problems problems) {
        if (!(node instanceof Node.Sequence seq) || seq.items().isEmpty()) {
            throw Scalars.expected("a non-empty list of names (the initial state first)", node, "states",
                    List.of("e.g. [outage, recovered]"));
        }
        List<String> states = new ArrayList<>();
        for (Node item : seq.items()) {
            String state = Scalars.text(item, "states");
            if (states.contains(state)) {
                problems.add(Problems.at(item.location(), "state '" + state + "' is declared twice", state, List.of()));
            } else {
                states.add(state);
            }
        }
        return List.copyOf(states);
    }

    private static List<Rule> rules(Fields f, List<String> states, Problems problems) {
        if (f.optional("rules").isEmpty()) {
            return List.of();
        }
        Node node = f.optional("rules").get();
        if (!(node instanceof Node.Sequence seq)) {
            problems.add(Scalars.expected("a list", node, "rules", List.of()));
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Node.Location> seen = new HashMap<>();
        for (Node item : seq.items()) {
            problems.check(() -> duplicateName(item, seen));
            problems.attempt(() -> RuleReader.read(item, states, problems)).flatMap(r -> r).ifPresent(rules::add);
        }
        return rules;
    }

    /** Names seed the rules' generators, so two rules with one name would draw the same numbers. */
    private static void duplicateName(Node item, Map<String, Node.Location> seen) {
        if (!(item instanceof Node.Mapping m)) {
            return;
        }
        Optional<Node> name = m.get("name").map(Node.Entry::value).filter(v -> v instanceof Node.Scalar s && !s.isNull());
        if (name.isEmpty()) {
            return;
        }
        String text = name.get().display();
        Node.Location first = seen.putIfAbsent(text, name.get().location());
        if (first != null) {
            throw Problems.at(name.get().location(), "duplicate rule name '" + text + "' (first used at line "
                    + first.line() + "); each rule's name seeds its own random generator", text, List.of());
        }
    }
}
