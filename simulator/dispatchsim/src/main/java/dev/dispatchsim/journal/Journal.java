package dev.dispatchsim.journal;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The ground truth of one simulator, read-only: every room, participant, dispatch, job, worker,
 * availability answer, assignment, termination, applied fault and Twirp call, in the order the
 * engine saw them, with a sequence number and the simulated time. A test reads it, or waits on it
 * ({@link #await}), never sleeps. It holds the newest entries up to the simulator's journal
 * capacity (older ones are evicted: {@link #oldestSeq()} says where the held entries start); a reset
 * empties it and starts the sequence at 1 again. Of any text a client sent (a name, an error, a close
 * reason) an entry keeps at most the first 1024 characters, saying how many more there were.
 */
public interface Journal {

    /** Every entry held now, oldest first. */
    List<JournalEntry> entries();

    /** The sequence number of the newest entry; 0 while the journal is empty. */
    long lastSeq();

    /**
     * The sequence number of the oldest entry still held; {@code lastSeq() + 1} while the journal holds
     * none. Entries before it were evicted to keep the journal within its capacity: a reader that asks
     * {@link #since} an older sequence number has missed {@code oldestSeq() - 1 - since} of them.
     */
    long oldestSeq();

    /**
     * Waits for an entry with a sequence number greater than {@code afterSeq} that matches, already there or
     * yet to come; after {@code timeout} (real time) a {@link JournalTimeoutException} names {@code description}
     * and shows the last entries seen.
     */
    JournalEntry awaitAfter(long afterSeq, Predicate<JournalEntry> condition, Duration timeout, String description);

    /** Entries with a sequence number greater than {@code seq}, oldest first. */
    default List<JournalEntry> since(long seq) {
        return entries().stream().filter(e -> e.seq() > seq).toList();
    }

    /** The events of one type, oldest first. */
    default <T extends JournalEvent> List<T> events(Class<T> type) {
        return entries().stream().map(JournalEntry::event).filter(type::isInstance).map(type::cast).toList();
    }

    /** The newest {@code count} entries, oldest first. */
    default List<JournalEntry> tail(int count) {
        List<JournalEntry> all = entries();
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    /** Waits for any entry, already there or yet to come, that matches. */
    default JournalEntry await(Predicate<JournalEntry> condition, Duration timeout, String description) {
        return awaitAfter(0, condition, timeout, description);
    }

    /** Waits for the first event of {@code type} that matches, already there or yet to come. */
    default <T extends JournalEvent> T await(Class<T> type, Predicate<T> condition, Duration timeout) {
        JournalEntry entry = await(e -> type.isInstance(e.event()) && condition.test(type.cast(e.event())),
                timeout, "a " + type.getSimpleName() + " matching the condition");
        return type.cast(entry.event());
    }
}
