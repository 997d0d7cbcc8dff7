package dev.dispatchsim.internal.engine;

import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Journal awaits that hold no thread while they wait (the admin API's long polls): each is a future, a
 * condition and a timeout task. {@link JournalRing} offers them every new entry under its lock, so none
 * can miss an entry appended between its first look and its registration. Futures are completed on this
 * class's one timer thread, never on the engine thread that appended: what completes them (writing an
 * HTTP answer) must not hold up the engine. The thread is a daemon and is stopped by {@link #close()}.
 */
final class JournalWaiters implements AutoCloseable {

    private record Waiter(long afterSeq, Predicate<JournalEntry> condition, CompletableFuture<JournalEntry> result,
                          String description, Duration timeout) {
    }

    private final List<Waiter> waiting = new ArrayList<>();
    private final ReentrantLock lock;
    private final Supplier<List<JournalEntry>> seenSoFar;
    private final ScheduledThreadPoolExecutor timer;

    /** {@code lock} is the ring's; {@code seenSoFar} what a timeout shows of the journal. */
    JournalWaiters(ReentrantLock lock, Supplier<List<JournalEntry>> seenSoFar) {
        this.lock = lock;
        this.seenSoFar = seenSoFar;
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "dispatchsim-journal-awaits");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Called under the ring's lock, after the ring found no matching entry yet. */
    CompletableFuture<JournalEntry> add(long afterSeq, Predicate<JournalEntry> condition, Duration timeout, String description) {
        CompletableFuture<JournalEntry> result = new CompletableFuture<>();
        Waiter waiter = new Waiter(afterSeq, condition, result, description, timeout);
        waiting.add(waiter);
        ScheduledFuture<?> expiry = timer.schedule(() -> {
            boolean removed;
            lock.lock();
            try {
                removed = waiting.remove(waiter);
            } finally {
                lock.unlock();
            }
            if (removed) {
                result.completeExceptionally(new JournalTimeoutException(description, timeout, seenSoFar.get()));
            }
        }, Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        result.whenComplete((entry, failure) -> expiry.cancel(false));
        return result;
    }

    /** Called under the ring's lock for each new entry: the waiters it satisfies leave the list. */
    void offer(JournalEntry entry) {
        for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (entry.seq() > waiter.afterSeq() && waiter.condition().test(entry)) {
                it.remove();
                timer.execute(() -> waiter.result().complete(entry));
            }
        }
    }

    int size() {
        return waiting.size();
    }

    /** The simulator is closing: every open await ends now with a timeout naming the reason. */
    @Override
    public void close() {
        List<Waiter> left;
        lock.lock();
        try {
            left = new ArrayList<>(waiting);
            waiting.clear();
        } finally {
            lock.unlock();
        }
        timer.shutdownNow();
        for (Waiter waiter : left) {
            waiter.result().completeExceptionally(new JournalTimeoutException(waiter.description()
                    + " (the simulator closed)", waiter.timeout(), List.of()));
        }
    }
}
