package dev.dispatchsim.internal.fault.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed YAML/JSON document in which every value remembers where it was written. Jackson's own
 * tree ({@code JsonNode}) drops token locations, and every profile error must point at a line
 * and column, hence this small tree of our own.
 */
sealed interface Node {

    Location location();

    /** How the value reads in an error message: the text as written, or its kind. */
    String display();

    record Location(String source, int line, int column) {
    }

    /**
     * @param value String, Long, BigInteger, Double, Boolean, or null
     * @param text  the value as written (YAML's {@code yes} stays "yes" for a name)
     */
    record Scalar(Object value, String text, Location location) implements Node {
        public String display() {
            return text;
        }

        boolean isNull() {
            return value == null;
        }
    }

    record Mapping(Map<String, Entry> entries, Location location) implements Node {
        public String display() {
            return "a mapping";
        }

        Optional<Entry> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    record Entry(String key, Location keyLocation, Node value) {
    }

    record Sequence(List<Node> items, Location location) implements Node {
        public String display() {
            return "a list";
        }
    }
}
