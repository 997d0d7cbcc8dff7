package dev.dispatchsim.internal.clock;

import dev.dispatchsim.clock.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancelled timers leave the loop's queue in sweeps, without changing when or in which order the others run. */
class CancelledTimersTest {

    private final ManualClock clock = new ManualClock();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final EventLoop loop = new EventLoop(clock, "cancelled-timers-test", failures::add);

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void should_not_keep_cancelled_timers_queued_until_they_are_due() {
        // GIVEN 10,000 five-minute timers (a deleted room's empty timeout each), all but every hundredth cancelled
        List<Integer> ran = new ArrayList<>();
        loop.callAndWait(() -> {
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                ScheduledTask timer = loop.schedule(Duration.ofMinutes(5).plusMillis(i), () -> ran.add(n));
                if (i % 100 != 0) {
                    timer.cancel();
                }
            }
            return null;
        });

        // WHEN the queue is counted before any of them is due
        int queued = loop.pendingTimers();

        // THEN it holds the 100 live timers and fewer cancelled ones than one sweep's threshold
        assertThat(queued).isGreaterThanOrEqualTo(100).isLessThan(100 + EventLoop.SWEEP_AT_LEAST);
        // AND the live ones all run, in the order they were due
        clock.advance(Duration.ofMinutes(6));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i += 100) {
            expected.add(i);
        }
        assertThat(ran).containsExactlyElementsOf(expected);
    }

    @Test
    void should_sweep_when_timers_are_cancelled_after_the_last_one_was_scheduled() {
        // GIVEN 5,000 timers scheduled first, then all cancelled later (rooms deleted at the end of a run)
        List<ScheduledTask> timers = loop.callAndWait(() -> {
            List<ScheduledTask> made = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                made.add(loop.schedule(Duration.ofMinutes(5), () -> {
                    throw new AssertionError("a cancelled timer ran");
                }));
            }
            return made;
        });

        // WHEN they are cancelled on the engine thread, nothing else scheduled after
        loop.callAndWait(() -> {
            timers.forEach(ScheduledTask::cancel);
            return null;
        });

        // THEN the queue does not hold them all until they are due
        assertThat(loop.pendingTimers()).isLessThan(EventLoop.SWEEP_AT_LEAST);
        // AND none of them runs when its time comes
        clock.advance(Duration.ofMinutes(6));
        assertThat(failures).isEmpty();
        assertThat(loop.nextTimerDue()).isEmpty();
    }
}
