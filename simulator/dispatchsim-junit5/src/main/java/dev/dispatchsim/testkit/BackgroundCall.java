package dev.dispatchsim.testkit;

import dev.dispatchsim.journal.Journal;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.NoResponse;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A blocking client call run on its own thread, so that the test's thread stays free to move the
 * clock the call is waiting for; {@link VirtualTime#call} drives it.
 */
final class BackgroundCall<T> {

    private static final long SLICE_MILLIS = 20;

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Journal journal;
    private final long journalBefore;

    BackgroundCall(Callable<T> call, Journal journal) {
        this.journal = journal;
        this.journalBefore = journal.lastSeq();
        Thread caller = new Thread(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, "dispatchsim-virtual-time-call");
        caller.setDaemon(true);
        caller.start();
    }

    boolean isDone() {
        return result.isDone();
    }

    /** The journal's last sequence number when the call started. */
    long journalBefore() {
        return journalBefore;
    }

    /**
     * Waits until the simulator journals something about the call after {@code afterSeq}: a Twirp fault
     * decision, a {@link NoResponse} (it will answer later), or its TwirpCall (it answered); or until the call
     * ended without reaching it. Returns those entries.
     */
    List<JournalEntry> awaitNews(long afterSeq, long wallDeadline, Duration wallTimeout) {
        while (System.nanoTime() < wallDeadline) {
            List<JournalEntry> since = journal.since(afterSeq).stream()
                    .filter(e -> e.event() instanceof TwirpCall || e.event() instanceof NoResponse
                            || e.event() instanceof FaultApplied f && f.hookPoint().equals("twirp_request"))
                    .toList();
            if (!since.isEmpty() || result.isDone()) {
                return since;
            }
            try {
                result.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException notYet) {
                // not answered yet, or failed: either way look at the journal again
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the call to reach the simulator");
            }
        }
        throw new AssertionError("the call did not reach the simulator within " + wallTimeout.toMillis() + " ms; "
                + VirtualTime.lastSeen(journal));
    }

    /** The call's result, or its exception as thrown (unchecked ones unwrapped). */
    T join(long wallDeadline, Duration wallTimeout, String clockNow) {
        try {
            return result.get(Math.max(0, wallDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (TimeoutException stillBlocked) {
            throw new AssertionError("the call was not answered within " + wallTimeout.toMillis()
                    + " ms of real time; virtual time " + clockNow + "; " + VirtualTime.lastSeen(journal));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the call's answer");
        }
    }
}
