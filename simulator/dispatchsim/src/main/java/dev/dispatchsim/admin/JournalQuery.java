package dev.dispatchsim.admin;

import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which journal entries to read or await: those with a sequence number greater than {@code since},
 * of one of {@code types} (empty = every type). Type names are the event record names, e.g.
 * {@code JobAssigned}; an unknown name is an error listing the valid ones, so a typo never waits forever.
 */
public record JournalQuery(long since, Set<String> types) implements Predicate<JournalEntry> {

    /** Every event type the journal knows, in declaration order. */
    public static final List<String> TYPES = Arrays.stream(JournalEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName).toList();

    public JournalQuery {
        if (since < 0) {
            throw AdminException.badRequest("since must be 0 or more, was " + since);
        }
        types = types == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(types));
        for (String type : types) {
            if (!TYPES.contains(type)) {
                throw new AdminException(400, "invalid_argument", "unknown journal type '" + type + "'; valid: "
                        + String.join(", ", TYPES), java.util.Map.of("type", type, "validValues", TYPES));
            }
        }
    }

    public static JournalQuery all() {
        return new JournalQuery(0, Set.of());
    }

    public static JournalQuery of(String... types) {
        return new JournalQuery(0, Set.of(types));
    }

    public static JournalQuery of(Class<? extends JournalEvent> type) {
        return of(type.getSimpleName());
    }

    public JournalQuery since(long seq) {
        return new JournalQuery(seq, types);
    }

    @Override
    public boolean test(JournalEntry entry) {
        return entry.seq() > since && (types.isEmpty() || types.contains(entry.type()));
    }

    /** For messages: "a JobAssigned after seq 12". */
    public String describe() {
        String what = types.isEmpty() ? "any entry" : "a " + String.join(" or ", types.stream().sorted().toList());
        return what + " after seq " + since;
    }
}
