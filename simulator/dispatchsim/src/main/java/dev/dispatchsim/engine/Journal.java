package dev.dispatchsim.engine;

import dev.dispatchsim.clock.SimClock;
import dev.dispatchsim.clock.WallClock;
import dev.dispatchsim.model.JournalEntry;
import dev.dispatchsim.model.JournalEvent;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The ground-truth journal: append-only typed events with sequence, simulated time and wall time.
 * Written by the engine thread, read from anywhere, with a blocking wait for tests. It keeps at most
 * {@code capacity} entries (a ring), so a long load run does not grow without bound.
 */
public final class Journal {

    private final SimClock clock;
    private final int capacity;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private long nextSeq = 1;

    public Journal(SimClock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, was " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    public JournalEntry append(JournalEvent event) {
        lock.lock();
        try {
            JournalEntry entry = new JournalEntry(nextSeq++, clock.now(), WallClock.now(), event);
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
            appended.signalAll();
            return entry;
        } finally {
            lock.unlock();
        }
    }

    public List<JournalEntry> entries() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    /** Entries with a sequence number greater than {@code seq}. */
    public List<JournalEntry> since(long seq) {
        return entries().stream().filter(e -> e.seq() > seq).toList();
    }

    public <T extends JournalEvent> List<T> events(Class<T> type) {
        return entries().stream().map(JournalEntry::event).filter(type::isInstance).map(type::cast).toList();
    }

    public List<JournalEntry> tail(int count) {
        List<JournalEntry> all = entries();
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    /** The sequence number the next entry will get. */
    public long nextSeq() {
        lock.lock();
        try {
            return nextSeq;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until an entry (already there or yet to come) matches, or fails saying what was last seen. */
    public JournalEntry await(Predicate<JournalEntry> condition, Duration timeout, String description) {
        return awaitAfter(0, condition, timeout, description);
    }

    /** Waits for the first event of {@code type} that matches. */
    public <T extends JournalEvent> T await(Class<T> type, Predicate<T> condition, Duration timeout) {
        JournalEntry entry = await(e -> type.isInstance(e.event()) && condition.test(type.cast(e.event())),
                timeout, "a " + type.getSimpleName() + " matching the condition");
        return type.cast(entry.event());
    }

    /** Waits for an entry with a sequence number greater than {@code afterSeq} that matches. */
    public JournalEntry awaitAfter(long afterSeq, Predicate<JournalEntry> condition, Duration timeout, String description) {
        long deadline = WallClock.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (JournalEntry entry : entries) {
                    if (entry.seq() > afterSeq && condition.test(entry)) {
                        return entry;
                    }
                }
                long left = deadline - WallClock.nanoTime();
                if (left <= 0) {
                    throw new JournalTimeoutException(description, timeout, new ArrayList<>(entries));
                }
                appended.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new JournalTimeoutException(description + " (interrupted)", timeout, entries());
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        lock.lock();
        try {
            entries.clear();
            nextSeq = 1;
        } finally {
            lock.unlock();
        }
    }
}
