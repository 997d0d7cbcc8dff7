package dev.dispatchsim.internal.engine;

import dev.dispatchsim.clock.SimClock;
import dev.dispatchsim.internal.clock.ScheduledTask;
import dev.dispatchsim.internal.fault.FaultContext;
import dev.dispatchsim.internal.fault.FaultDecision;
import dev.dispatchsim.journal.JournalEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * The part of the engine a {@link WorldListener} may use: its thread, clock, seed, journal and fault
 * rules. Everything but {@link #post} and {@link #call} must be called on the engine thread.
 */
public final class ListenerContext {

    private final SimState state;
    private final FaultHooks faults;

    ListenerContext(SimState state, FaultHooks faults) {
        this.state = state;
        this.faults = faults;
    }

    public SimClock clock() {
        return state.clock;
    }

    public Instant now() {
        return state.now();
    }

    /** The master seed, to derive the listener's own generators from (so its draws never shift the engine's). */
    public long seed() {
        return state.config.seed();
    }

    public void journal(JournalEvent event) {
        state.journal(event);
    }

    /** Runs {@code task} after {@code delay} of simulated time; the listener cancels what a reset makes stale. */
    public ScheduledTask schedule(Duration delay, Runnable task) {
        return state.schedule(delay, task);
    }

    /**
     * Runs {@code task} on the engine thread after everything posted before it, from any thread (an HTTP
     * completion, say). Returns false when the simulator is stopped and the task will never run.
     */
    public boolean post(Runnable task) {
        try {
            state.loop.execute(task);
            return true;
        } catch (IllegalStateException stopped) {
            return false;
        }
    }

    /** Runs {@code command} on the engine thread and completes with its result, from any thread. */
    public <T> CompletableFuture<T> call(Callable<T> command) {
        return state.loop.call(command);
    }

    /** Asks the fault rules about one event and journals every decision that fires, as at every other hook. */
    public List<FaultDecision> decide(FaultContext.Builder context) {
        return faults.decide(context);
    }
}
