package dev.dispatchsim.internal.webhook;

import dev.dispatchsim.internal.clock.ScheduledTask;
import dev.dispatchsim.internal.engine.ListenerContext;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The webhook timers (held events, retry waits, duplicate copies) on the simulated clock, kept so that a
 * reset can cancel them: a retry left over from before a reset would otherwise fire into the next test,
 * and under a ManualClock it would hold time for an event nobody waits for.
 */
final class Timers {

    private final ListenerContext engine;
    private final Set<ScheduledTask> pending = Collections.newSetFromMap(new IdentityHashMap<>());

    Timers(ListenerContext engine) {
        this.engine = engine;
    }

    void later(Duration delay, Runnable task) {
        ScheduledTask[] self = new ScheduledTask[1];
        self[0] = engine.schedule(delay, () -> {
            pending.remove(self[0]);
            task.run();
        });
        pending.add(self[0]);
    }

    void cancelAll() {
        pending.forEach(ScheduledTask::cancel);
        pending.clear();
    }
}
