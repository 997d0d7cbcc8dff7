package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.Schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a rule's {@code when:}, either the word {@code always} or a mapping of criteria. */
final class ScheduleReader {
    static final List<String> KEYS = List.of("always", "occurrences", "first", "after", "every", "probability",
            "window", "at_most", "in_flight_at_least");
    private static final List<String> WINDOW_KEYS = List.of("from", "to");

    private ScheduleReader() {
    }

    static Schedule read(Optional<Node> node) {
        if (node.isEmpty()) {
            return Schedule.always();
        }
        if (node.get() instanceof Node.Scalar s && "always".equals(s.value())) {
            return Schedule.always();
        }
        Fields f = Fields.of(node.get(), "'when'", "schedule key", KEYS);
        Schedule s = Schedule.always();
        if (f.optional("always").isPresent() && !Scalars.bool(f.optional("always").get(), "always")) {
            // "always: false" would mean "never": ambiguous next to other criteria, so say how instead
            throw Problems.at(f.optional("always").get().location(),
                    "'always: false' is not a schedule; to switch a rule off, remove it", "false", List.of("true"));
        }
        if (f.optional("occurrences").isPresent()) {
            s = s.withOccurrences(occurrences(f.optional("occurrences").get()));
        }
        s = f.optional("first").map(n -> Scalars.integer(n, "first", 1)).map(s::withFirst).orElse(s);
        s = f.optional("after").map(n -> Scalars.integer(n, "after", 0)).map(s::withAfter).orElse(s);
        s = f.optional("every").map(n -> Scalars.integer(n, "every", 1)).map(s::withEvery).orElse(s);
        s = f.optional("probability").map(Scalars::probability).map(s::withProbability).orElse(s);
        if (f.optional("window").isPresent()) {
            s = window(s, f.optional("window").get());
        }
        s = f.optional("at_most").map(n -> Scalars.integer(n, "at_most", 1)).map(s::withAtMost).orElse(s);
        s = f.optional("in_flight_at_least").map(n -> (int) Math.min(Scalars.integer(n, "in_flight_at_least", 1),
                Integer.MAX_VALUE)).map(s::withInFlightAtLeast).orElse(s);
        return s;
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
        Fields f = Fields.of(node, "'window'", "window key", WINDOW_KEYS);
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
