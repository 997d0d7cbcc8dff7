package dev.dispatchsim.internal.fault.profile;

import java.util.List;
import java.util.Optional;

/**
 * One mapping of the profile, checked against the keys valid at its level. Every unknown key is a
 * problem listing the valid ones, because a misspelt optional key (say {@code probabilty}) would
 * otherwise silently turn a 30 % rule into an always-on rule; the known keys are still read, so their
 * problems are found in the same round.
 */
final class Fields {
    private final Node.Mapping mapping;
    private final String keyNoun;

    private Fields(Node.Mapping mapping, String keyNoun) {
        this.mapping = mapping;
        this.keyNoun = keyNoun;
    }

    /**
     * @param what    how the section is named in a type error, e.g. {@code 'match'}
     * @param keyNoun how its keys are named in errors, e.g. {@code selector}
     * @throws dev.dispatchsim.profile.ProfileException when the node is not a mapping at all
     */
    static Fields of(Node node, String what, String keyNoun, List<String> validKeys, Problems problems) {
        if (!(node instanceof Node.Mapping m)) {
            throw Problems.at(node.location(), "expected a mapping for " + what + ", got "
                    + quoted(node), node.display(), List.of());
        }
        for (Node.Entry e : m.entries().values()) {
            if (!validKeys.contains(e.key())) {
                problems.add(Problems.at(e.keyLocation(), "unknown " + keyNoun + " '" + e.key() + "'",
                        e.key(), validKeys));
            }
        }
        return new Fields(m, keyNoun);
    }

    /** The value at {@code key}; an explicit null ({@code key:} or {@code ~}) counts as absent. */
    Optional<Node> optional(String key) {
        return mapping.get(key).map(Node.Entry::value)
                .filter(v -> !(v instanceof Node.Scalar s && s.isNull()));
    }

    Node required(String key) {
        return optional(key).orElseThrow(() -> Problems.at(mapping.location(),
                "missing required " + keyNoun + " '" + key + "'", null, List.of()));
    }

    /** Where the key itself is written, for problems about the key rather than its value. */
    Node.Location keyLocation(String key) {
        return mapping.get(key).map(Node.Entry::keyLocation).orElse(mapping.location());
    }

    /** Which of {@code keys} are present, in the order given. */
    List<String> present(List<String> keys) {
        return keys.stream().filter(k -> optional(k).isPresent()).toList();
    }

    Node.Location location() {
        return mapping.location();
    }

    static String quoted(Node node) {
        return node instanceof Node.Scalar ? "'" + node.display() + "'" : node.display();
    }
}
