package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.Schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a rule's {@code when:}, either the word {@code always} or a mapping of criteria, each checked
 * on its own. {@code state} is read here too (it is written under {@code when:}) but kept apart from
 * the schedule: a rule outside its state does not see events at all.
 */
final class ScheduleReader {
    static final List<String> KEYS = List.of("always", "occurrences", "first", "after", "every", "probability",
            "window", "at_most", "in_flight_at_least", "state");
    private static final List<String> WINDOW_KEYS = List.of("from", "to");

    /** The schedule, and the scenario state the rule needs (null = any). */
    record When(Schedule schedule, String state) {
    }

    private ScheduleReader() {
    }

    static When read(Optional<Node> node, List<String> states, Problems problems) {
        if (node.isEmpty() || node.get() instanceof Node.Scalar s && "always".equals(s.value())) {
            return new When(Schedule.always(), null);
        }
        Fields f = Fields.of(node.get(), "'when'", "schedule key", KEYS, problems);
        Schedule[] s = {Schedule.always()};
        problems.check(() -> f.optional("always").ifPresent(ScheduleReader::alwaysTrue));
        problems.attempt(() -> f.optional("occurrences").map(ScheduleReader::occurrences).orElse(null))
                .ifPresent(v -> s[0] = s[0].withOccurrences(v));
        problems.attempt(() -> f.optional("first").map(n -> Scalars.integer(n, "first", 1)).orElse(null))
                .ifPresent(v -> s[0] = s[0].withFirst(v));
        problems.attempt(() -> f.optional("after").map(n -> Scalars.integer(n, "after", 0)).orElse(null))
                .ifPresent(v -> s[0] = s[0].withAfter(v));
        problems.attempt(() -> f.optional("every").map(n -> Scalars.integer(n, "every", 1)).orElse(null))
                .ifPresent(v -> s[0] = s[0].withEvery(v));
        problems.attempt(() -> f.optional("probability").map(Scalars::probability).orElse(null))
                .ifPresent(v -> s[0] = s[0].withProbability(v));
        problems.attempt(() -> f.optional("window").map(n -> window(s[0], n)).orElse(null)).ifPresent(v -> s[0] = v);
        problems.attempt(() -> f.optional("at_most").map(n -> Scalars.integer(n, "at_most", 1)).orElse(null))
                .ifPresent(v -> s[0] = s[0].withAtMost(v));
        problems.attempt(() -> f.optional("in_flight_at_least").map(n -> (int) Math.min(
                Scalars.integer(n, "in_flight_at_least", 1), Integer.MAX_VALUE)).orElse(null))
                .ifPresent(v -> s[0] = s[0].withInFlightAtLeast(v));
        String state = problems.attempt(() -> f.optional("state").map(n -> declaredState(n, states)).orElse(null))
                .orElse(null);
        return new When(s[0], state);
    }

    /** A state a rule names ({@code when: {state}} or {@code then: {state}}) must be one the profile declares. */
    static String declaredState(Node node, List<String> states) {
        String state = Scalars.text(node, "state");
        if (states.contains(state)) {
            return state;
        }
        throw Problems.at(node.location(), states.isEmpty()
                ? "state '" + state + "' is not declared: list the profile's states under 'states:' (the initial one first)"
                : "unknown state '" + state + "'", state, states);
    }

    /** "always: false" would mean "never": ambiguous next to other criteria, so say how instead. */
    private static void alwaysTrue(Node node) {
        if (!Scalars.bool(node, "always")) {
            throw Problems.at(node.location(), "'always: false' is not a schedule; to switch a rule off, remove it "
                    + "or give it 'enabled: false'", "false", List.of("true"));
        }
    }

    private static Long[] occurrences(Node node) {
        if (!(node instanceof Node.Sequence seq)) {
            throw Scalars.expected("a list", node, "occurrences", List.of("e.g. [2, 3, 4]"));
        }
        if (seq.items().isEmpty()) {
            throw Problems.at(node.location(), "'occurrences' is empty; list the matching events to fire on",
                    "[]", List.of("e.g. [2, 3, 4]"));
        }
        List<Long> n = new ArrayList<>();
        for (Node item : seq.items()) {
            n.add(Scalars.integer(item, "occurrences", 1));
        }
        return n.toArray(Long[]::new);
    }

    private static Schedule window(Schedule s, Node node) {
        Fields f = Fields.of(node, "'window'", "window key", WINDOW_KEYS, new Problems());
        if (f.present(WINDOW_KEYS).isEmpty()) {
            throw Problems.at(f.location(), "an empty window; give 'from', 'to' or both", null, WINDOW_KEYS);
        }
        Duration from = f.optional("from").map(n -> Scalars.duration(n, "from")).orElse(Duration.ZERO);
        Duration to = f.optional("to").map(n -> Scalars.duration(n, "to")).orElse(null);
        if (to != null && to.compareTo(from) <= 0) {
            Node toNode = f.optional("to").get();
            throw Problems.at(toNode.location(), "window 'to' " + Fields.quoted(toNode)
                    + " must be later than 'from'", toNode.display(), List.of());
        }
        return s.withWindow(from, to);
    }
}
