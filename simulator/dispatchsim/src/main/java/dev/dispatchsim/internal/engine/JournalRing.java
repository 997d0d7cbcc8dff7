package dev.dispatchsim.internal.engine;

import dev.dispatchsim.clock.SimClock;
import dev.dispatchsim.internal.clock.WallClock;
import dev.dispatchsim.journal.Journal;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent;
import dev.dispatchsim.journal.JournalTimeoutException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The {@link Journal} as the engine keeps it: appended by the engine thread, read from anywhere, with a
 * blocking wait for tests and a thread-free one for the admin API's long polls. It keeps at most
 * {@code capacity} entries (a ring), so a long load run does not grow without bound, and of each text an
 * event carries at most a bounded prefix ({@link JournalBounds}).
 */
public final class JournalRing implements Journal {

    private final SimClock clock;
    private final int capacity;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final JournalWaiters waiters = new JournalWaiters(lock, this::entries);
    private long lastSeq;
    /** How many resets cleared the journal: a reader that saw another count starts over. */
    private long resets;

    public JournalRing(SimClock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, was " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    public JournalEntry append(JournalEvent event) {
        lock.lock();
        try {
            JournalEntry entry = new JournalEntry(++lastSeq, clock.now(), WallClock.now(), JournalBounds.bound(event));
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
            appended.signalAll();
            waiters.offer(entry);
            return entry;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<JournalEntry> entries() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    /** From the newest end: a live view asking for the few entries after its last costs that few, not the whole ring. */
    @Override
    public List<JournalEntry> since(long seq) {
        lock.lock();
        try {
            ArrayDeque<JournalEntry> newer = new ArrayDeque<>();
            Iterator<JournalEntry> newestFirst = entries.descendingIterator();
            while (newestFirst.hasNext()) {
                JournalEntry entry = newestFirst.next();
                if (entry.seq() <= seq) {
                    break;
                }
                newer.addFirst(entry);
            }
            return List.copyOf(newer);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long lastSeq() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long oldestSeq() {
        lock.lock();
        try {
            return entries.isEmpty() ? lastSeq + 1 : entries.peekFirst().seq();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@link #awaitAfter} without a thread: the future completes with the first matching entry after
     * {@code afterSeq} (already there or yet to come), or fails with a {@link JournalTimeoutException}
     * after {@code timeout} of real time.
     */
    public CompletableFuture<JournalEntry> awaitAfterAsync(long afterSeq, Predicate<JournalEntry> condition, Duration timeout,
                                                           String description) {
        lock.lock();
        try {
            for (JournalEntry entry : entries) {
                if (entry.seq() > afterSeq && condition.test(entry)) {
                    return CompletableFuture.completedFuture(entry);
                }
            }
            return waiters.add(afterSeq, condition, timeout, description);
        } finally {
            lock.unlock();
        }
    }

    /** Awaits still open (the admin API caps them). */
    public int openAwaits() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    /** The simulator closes: open awaits end, the awaits' timer thread stops. */
    void close() {
        waiters.close();
    }

    @Override
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
            throw new JournalTimeoutException(description + " (interrupted)", timeout, new ArrayList<>(entries));
        } finally {
            lock.unlock();
        }
    }

    /** How many resets have cleared the journal so far. */
    public long resets() {
        lock.lock();
        try {
            return resets;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits, at most {@code timeout} (real time), until an entry after {@code afterSeq} is there or a reset
     * cleared the journal since the reader saw {@code resetsSeen}; true when one of them happened. A live view
     * uses it to follow the journal without polling.
     */
    public boolean awaitChange(long afterSeq, long resetsSeen, Duration timeout) throws InterruptedException {
        long deadline = WallClock.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (lastSeq <= afterSeq && resets == resetsSeen) {
                long left = deadline - WallClock.nanoTime();
                if (left <= 0) {
                    return false;
                }
                appended.await(left, TimeUnit.NANOSECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Part of a reset: empty, and the next entry is #1 again. */
    void clear() {
        lock.lock();
        try {
            entries.clear();
            lastSeq = 0;
            resets++;
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Journal[" + lastSeq() + " entries written, capacity " + capacity + "]";
    }
}
