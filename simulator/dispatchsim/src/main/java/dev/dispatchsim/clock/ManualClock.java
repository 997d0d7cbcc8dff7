package dev.dispatchsim.clock;

import dev.dispatchsim.internal.clock.EventLoop;
import dev.dispatchsim.internal.clock.ManualClockAccess;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Time that moves only when a test says so. {@link #advance} runs every event that falls due on
 * the way, in (time, sequence) order, on the engine's thread, and returns once they have run.
 */
public final class ManualClock implements SimClock {

    /** A fixed start, so that two runs with the same seed produce identical timestamps. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    static {
        ManualClockAccess.install(new ManualClockAccess.Operations() {
            @Override
            public void attach(ManualClock clock, EventLoop loop) {
                clock.attach(loop);
            }

            @Override
            public void set(ManualClock clock, Instant now) {
                clock.now = now;
            }
        });
    }

    private volatile Instant now;
    private volatile EventLoop loop;

    public ManualClock() {
        this(DEFAULT_START);
    }

    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public boolean isManual() {
        return true;
    }

    /** Moves time forward by {@code by}, running the events that fall due, and waits for them. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: advance(" + by + ")");
        }
        EventLoop attached = loop;
        if (attached == null) {
            now = now.plus(by);
        } else {
            attached.advanceManual(this, by);
        }
    }

    /**
     * Jumps to the next scheduled event and runs it (with any others due at the same instant).
     * Returns false when nothing is scheduled. This is how a test waits out a delay "instantly".
     */
    public boolean advanceToNextEvent() {
        EventLoop attached = loop;
        return attached != null && attached.advanceToNextTimer(this);
    }

    /**
     * When the next scheduled event is due, without running it; empty when nothing is scheduled (or
     * no simulator is attached). Lets a test step through events one at a time (see testkit VirtualTime).
     * It is answered on the simulator's engine thread, after every command posted to it before the call.
     */
    public Optional<Instant> nextEventTime() {
        EventLoop attached = loop;
        return attached == null ? Optional.empty() : attached.nextTimerDue();
    }

    /** When each scheduled event is due, earliest first; empty when nothing is scheduled. Answered like {@link #nextEventTime()}. */
    public List<Instant> scheduledEventTimes() {
        EventLoop attached = loop;
        return attached == null ? List.of() : attached.pendingDueTimes();
    }

    private void attach(EventLoop eventLoop) {
        if (loop != null && loop != eventLoop) {
            throw new IllegalStateException("this ManualClock already drives another simulator; give each simulator its own clock");
        }
        loop = eventLoop;
    }

    @Override
    public String toString() {
        return "ManualClock[" + now + "]";
    }
}
