package dev.dispatchsim.internal.clock;

import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.clock.SimClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one thread that owns all simulated state. Transports post commands here; timers run here.
 * Under a {@link SystemClock} the loop waits for the next timer; under a {@link ManualClock} timers
 * run only when the clock is advanced, so a test decides when time passes.
 */
public final class EventLoop implements AutoCloseable {

    static final int SWEEP_AT_LEAST = 1024;

    private final SimClock clock;
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final PriorityQueue<ScheduledTask> timers = new PriorityQueue<>();
    private final Thread thread;
    private final Consumer<Throwable> onError;
    private long timerSequence;
    /** Cancels since the queue was last swept (some of those timers may have left it already). */
    private final AtomicInteger cancelledSinceSweep = new AtomicInteger();
    private volatile boolean running = true;

    public EventLoop(SimClock clock, String threadName, Consumer<Throwable> onError) {
        this.clock = clock;
        this.onError = onError;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        if (clock instanceof ManualClock manual) {
            ManualClockAccess.operations().attach(manual, this);
        }
        thread.start();
    }

    public SimClock clock() {
        return clock;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code command} on the loop thread, after everything posted before it. */
    public void execute(Runnable command) {
        if (!running) {
            throw new IllegalStateException("the simulator is stopped");
        }
        inbox.add(command);
    }

    /** Runs {@code command} on the loop thread and completes with its result or its exception. */
    public <T> CompletableFuture<T> call(Callable<T> command) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                result.complete(command.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        };
        if (inLoop()) {
            task.run();
        } else {
            execute(task);
        }
        return result;
    }

    /** Runs {@code command} on the loop thread and waits for it; exceptions are rethrown unwrapped. */
    public <T> T callAndWait(Callable<T> command) {
        try {
            return call(command).join();
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw wrapped;
        }
    }

    /** Schedules {@code task} after {@code delay} of simulated time. Only the loop thread schedules. */
    public ScheduledTask schedule(Duration delay, Runnable task) {
        if (!inLoop()) {
            throw new IllegalStateException("timers are scheduled on the engine thread only");
        }
        Duration nonNegative = delay.isNegative() ? Duration.ZERO : delay;
        ScheduledTask scheduled = new ScheduledTask(clock.now().plus(nonNegative), timerSequence++, task,
                this::timerCancelled);
        sweepIfMostlyCancelled();
        timers.add(scheduled);
        return scheduled;
    }

    /** Told by each timer the first time it is cancelled, on whatever thread cancels it. */
    private void timerCancelled() {
        cancelledSinceSweep.incrementAndGet();
        if (inLoop()) {
            sweepIfMostlyCancelled(); // safe: the loop never iterates the queue while a task runs
        }
    }

    /**
     * A cancelled timer stays queued until it is due: a deleted room's 5-minute empty timeout, say, with the
     * closure that holds the room. Once cancels since the last sweep reach half the queue (and at least
     * {@link #SWEEP_AT_LEAST}), the cancelled ones are removed in one pass: O(1) per cancel amortized, and a
     * long run's queue (and heap) holds no more than about twice its live timers. Order is kept: the queue
     * orders by (due, sequence), so the surviving timers run exactly as before.
     */
    private void sweepIfMostlyCancelled() {
        int cancelled = cancelledSinceSweep.get();
        if (cancelled >= SWEEP_AT_LEAST && cancelled >= timers.size() / 2) {
            cancelledSinceSweep.addAndGet(-cancelled);
            timers.removeIf(ScheduledTask::isCancelled);
        }
    }

    /** How many timers are waiting (cancelled ones included until they are reached). */
    public int pendingTimers() {
        return callAndWait(timers::size);
    }

    /** {@link ManualClock#advance}: runs every timer due on the way, in order, then sets the target time. */
    public void advanceManual(ManualClock manual, Duration by) {
        callAndWait(() -> {
            Instant target = manual.now().plus(by);
            while (!timers.isEmpty() && !timers.peek().due().isAfter(target)) {
                runTimer(manual, timers.poll());
            }
            ManualClockAccess.operations().set(manual, target);
            return null;
        });
    }

    /** When the earliest live timer is due; empty when none is waiting. Cancelled timers at the head are dropped. */
    public Optional<Instant> nextTimerDue() {
        return callAndWait(() -> {
            while (!timers.isEmpty() && timers.peek().isCancelled()) {
                timers.poll();
            }
            return timers.isEmpty() ? Optional.<Instant>empty() : Optional.of(timers.peek().due());
        });
    }

    /** When each live timer is due, earliest first (ties repeated). */
    public List<Instant> pendingDueTimes() {
        return callAndWait(() -> timers.stream().filter(t -> !t.isCancelled()).map(ScheduledTask::due).sorted().toList());
    }

    public boolean advanceToNextTimer(ManualClock manual) {
        return callAndWait(() -> {
            while (!timers.isEmpty() && timers.peek().isCancelled()) {
                timers.poll();
            }
            if (timers.isEmpty()) {
                return false;
            }
            Instant due = timers.peek().due();
            while (!timers.isEmpty() && !timers.peek().due().isAfter(due)) {
                runTimer(manual, timers.poll());
            }
            return true;
        });
    }

    private void runTimer(ManualClock manual, ScheduledTask timer) {
        if (timer.isCancelled()) {
            return;
        }
        if (timer.due().isAfter(manual.now())) {
            ManualClockAccess.operations().set(manual, timer.due());
        }
        runSafely(timer.task());
    }

    private void run() {
        while (running) {
            runDueTimers();
            try {
                Runnable next = inbox.poll(waitNanos(), TimeUnit.NANOSECONDS);
                if (next != null) {
                    runSafely(next);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long waitNanos() {
        if (clock.isManual() || timers.isEmpty()) {
            return TimeUnit.SECONDS.toNanos(1);
        }
        long nanos = Duration.between(clock.now(), timers.peek().due()).toNanos();
        return Math.max(0, Math.min(nanos, TimeUnit.SECONDS.toNanos(1)));
    }

    private void runDueTimers() {
        if (clock.isManual()) {
            return;
        }
        Instant now = clock.now();
        while (!timers.isEmpty() && !timers.peek().due().isAfter(now)) {
            ScheduledTask timer = timers.poll();
            if (!timer.isCancelled()) {
                runSafely(timer.task());
            }
        }
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (Throwable failure) {
            // A bug in one command must not stop the simulator; it is reported and the loop goes on.
            onError.accept(failure);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "EventLoop[" + thread.getName() + ", " + clock + "]";
    }
}
