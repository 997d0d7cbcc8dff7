package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.clock.DurationText;
import dev.dispatchsim.profile.ProfileException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reading of one scalar value. Each failure names the key, the value as written and what
 * would have been valid.
 */
final class Scalars {
    static final List<String> DURATION_EXAMPLES = List.of("10s", "2m30s", "500ms", "1.5s", "0", "PT10S");
    static final List<String> BOOLEANS = List.of("true", "false");

    private Scalars() {
    }

    /** Any scalar, as written: names like {@code 007} or {@code no} stay text. */
    static String text(Node node, String key) {
        if (node instanceof Node.Scalar s && !s.isNull()) {
            return s.text();
        }
        throw bad(node, key, List.of("a text value"));
    }

    static long integer(Node node, String key, long min) {
        if (node instanceof Node.Scalar s && s.value() instanceof Long n && n >= min) {
            return n;
        }
        throw bad(node, key, List.of("a whole number >= " + min));
    }

    static long anyLong(Node node, String key) {
        if (node instanceof Node.Scalar s && s.value() instanceof Long n) {
            return n;
        }
        throw bad(node, key, List.of("a whole number that fits in 64 bits"));
    }

    static int smallInt(Node node, String key, int min, int max) {
        if (node instanceof Node.Scalar s && s.value() instanceof Long n && n >= min && n <= max) {
            return n.intValue();
        }
        throw bad(node, key, List.of(min + ".." + max));
    }

    static double number(Node node, String key) {
        if (node instanceof Node.Scalar s && (s.value() instanceof Long || s.value() instanceof Double)) {
            return ((Number) s.value()).doubleValue();
        }
        throw bad(node, key, List.of("a number"));
    }

    static double probability(Node node) {
        if (!(node instanceof Node.Scalar s && (s.value() instanceof Long || s.value() instanceof Double))) {
            throw bad(node, "probability", List.of("a number in 0..1"));
        }
        double p = ((Number) s.value()).doubleValue();
        if (!(p >= 0 && p <= 1)) {
            throw Problems.at(node.location(), "probability '" + s.text() + "' is out of range",
                    s.text(), List.of("0..1"));
        }
        return p;
    }

    static boolean bool(Node node, String key) {
        if (node instanceof Node.Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        throw bad(node, key, BOOLEANS);
    }

    static Duration duration(Node node, String key) {
        Optional<Duration> d = node instanceof Node.Scalar s && s.value() != null
                ? DurationText.tryParse(s.text()) : Optional.empty();
        return d.orElseThrow(() -> Problems.at(node.location(), "bad duration " + Fields.quoted(node)
                + " for '" + key + "' (numbers with units h, m, s or ms, or ISO-8601)", node.display(), DURATION_EXAMPLES));
    }

    /** A value from a closed set, looked up by its wire name; the error lists every valid name. */
    static <T> T oneOf(Node node, String noun, List<String> valid, Function<String, Optional<T>> lookup) {
        if (node instanceof Node.Scalar s && s.value() instanceof String text) {
            Optional<T> found = lookup.apply(text);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw Problems.at(node.location(), "unknown " + noun + " " + Fields.quoted(node), node.display(), valid);
    }

    /** For a value of the wrong kind, e.g. a mapping where a list belongs. */
    static ProfileException expected(String kind, Node node, String key, List<String> valid) {
        return Problems.at(node.location(), "expected " + kind + " for '" + key + "', got "
                + Fields.quoted(node), node.display(), valid);
    }

    static ProfileException bad(Node node, String key, List<String> valid) {
        String problem = node instanceof Node.Scalar
                ? "bad value " + Fields.quoted(node) + " for '" + key + "'"
                : "bad value for '" + key + "': got " + node.display();
        return Problems.at(node.location(), problem, node.display(), valid);
    }
}
