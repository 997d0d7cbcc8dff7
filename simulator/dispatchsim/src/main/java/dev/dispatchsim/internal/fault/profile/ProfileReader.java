package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.Rule;
import dev.dispatchsim.internal.fault.RuleProfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reads the top level of a profile: name, description, seed, rules. */
final class ProfileReader {
    static final List<String> KEYS = List.of("name", "description", "seed", "rules");

    private ProfileReader() {
    }

    static RuleProfile read(Node root) {
        Fields f = Fields.of(root, "the profile", "profile key", KEYS);
        String name = Scalars.text(f.required("name"), "name");
        String description = f.optional("description").map(n -> Scalars.text(n, "description")).orElse("");
        OptionalLong seed = f.optional("seed").map(n -> OptionalLong.of(Scalars.anyLong(n, "seed")))
                .orElse(OptionalLong.empty());
        return new RuleProfile(name, description, seed, rules(f));
    }

    private static List<Rule> rules(Fields f) {
        if (f.optional("rules").isEmpty()) {
            return List.of();
        }
        Node node = f.optional("rules").get();
        if (!(node instanceof Node.Sequence seq)) {
            throw Scalars.expected("a list", node, "rules", List.of());
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Node.Location> seen = new HashMap<>();
        for (Node item : seq.items()) {
            Rule rule = RuleReader.read(item);
            Node.Location here = ((Node.Mapping) item).get("name").orElseThrow().value().location();
            Node.Location first = seen.putIfAbsent(rule.name(), here);
            if (first != null) {
                // names seed the rules' generators, so two rules with one name would draw the same numbers
                throw Problems.at(here, "duplicate rule name '" + rule.name() + "' (first used at line "
                        + first.line() + "); each rule's name seeds its own random generator", rule.name(), List.of());
            }
            rules.add(rule);
        }
        return rules;
    }
}
