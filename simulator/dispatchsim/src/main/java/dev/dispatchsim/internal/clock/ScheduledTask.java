package dev.dispatchsim.internal.clock;

import java.time.Instant;

/** A task due at a simulated instant; ordered by (due, sequence) so that ties run in the order scheduled. */
public final class ScheduledTask implements Comparable<ScheduledTask> {

    private final Instant due;
    private final long sequence;
    private final Runnable task;
    private final Runnable onCancel;
    private volatile boolean cancelled;

    ScheduledTask(Instant due, long sequence, Runnable task, Runnable onCancel) {
        this.due = due;
        this.sequence = sequence;
        this.task = task;
        this.onCancel = onCancel;
    }

    public Instant due() {
        return due;
    }

    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            onCancel.run();
        }
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
