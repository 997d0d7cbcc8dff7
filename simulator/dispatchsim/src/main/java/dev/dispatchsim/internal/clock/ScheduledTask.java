package dev.dispatchsim.internal.clock;

import java.time.Instant;

/** A task due at a simulated instant; ordered by (due, sequence) so that ties run in the order scheduled. */
public final class ScheduledTask implements Comparable<ScheduledTask> {

    private final Instant due;
    private final long sequence;
    private final Runnable task;
    private volatile boolean cancelled;

    ScheduledTask(Instant due, long sequence, Runnable task) {
        this.due = due;
        this.sequence = sequence;
        this.task = task;
    }

    public Instant due() {
        return due;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    Runnable task() {
        return task;
    }

    @Override
    public int compareTo(ScheduledTask other) {
        int byTime = due.compareTo(other.due);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
