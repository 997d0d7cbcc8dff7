package dev.dispatchsim.internal.ui;

import dev.dispatchsim.internal.clock.WallClock;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The live feeds running now, so that closing the simulator ends them at once (their threads wait on the
 * journal) rather than leaving the HTTP server to wait for pages that may stay open for hours.
 */
final class UiStreams implements AutoCloseable {

    private final Set<Thread> running = new HashSet<>();
    private boolean closed;

    /** False when the simulator is closing: the feed must not start. */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        running.add(Thread.currentThread());
        return true;
    }

    synchronized void leave() {
        running.remove(Thread.currentThread());
        notifyAll();
    }

    synchronized boolean closed() {
        return closed;
    }

    synchronized int size() {
        return running.size();
    }

    /**
     * Interrupts every feed's wait and returns when they have all left, or after {@code patience} (a feed stuck
     * writing to a page that stopped reading is then left to the HTTP server's own shutdown).
     */
    synchronized void close(Duration patience) {
        closed = true;
        running.forEach(Thread::interrupt);
        long deadline = WallClock.nanoTime() + patience.toNanos();
        while (!running.isEmpty()) {
            long left = deadline - WallClock.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
