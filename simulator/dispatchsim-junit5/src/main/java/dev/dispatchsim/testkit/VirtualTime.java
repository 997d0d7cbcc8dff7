package dev.dispatchsim.testkit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.Journal;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.NoResponse;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import dev.dispatchsim.journal.JournalTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Moves a simulator's {@link ManualClock} for tests whose clients talk to it over real sockets.
 * Time moves one scheduled event at a time, and only once the engine is idle: every command posted
 * has run and every worker answer the engine waits for has arrived ({@link OwedReplies}). So a big
 * step cannot fire a timeout before a prompt answer lands, and the same inputs give the same run.
 *
 * <p>It also gets a test out of the ManualClock trap: a Twirp call that a fault delays, or one for a room
 * that is not live (answered after the real server's 3 s of retries), completes only when the clock moves,
 * so {@link #call} runs such a call on its own thread and advances the clock to exactly when the simulator
 * answers it.
 */
public final class VirtualTime {

    /** What {@link #settle} does when a worker answer it waits for has not come within the settle timeout. */
    public enum SettleTimeout {
        /** Fail with an AssertionError that names every answer still owed (the default). */
        FAIL,
        /** Say so on stderr and let time move on: for a test whose worker is silent on purpose. */
        LOG
    }

    private static final Duration SLICE = Duration.ofMillis(20);

    private final LiveKitSimulator sim;
    private final ManualClock clock;
    private final Duration settleTimeout;
    private final SettleTimeout onSettleTimeout;
    private final Duration wallTimeout;

    private VirtualTime(LiveKitSimulator sim, ManualClock clock, Duration settleTimeout, SettleTimeout onSettleTimeout,
                        Duration wallTimeout) {
        this.sim = sim;
        this.clock = clock;
        this.settleTimeout = settleTimeout;
        this.onSettleTimeout = onSettleTimeout;
        this.wallTimeout = wallTimeout;
    }

    /** For a simulator built with a {@link ManualClock}; any other clock is refused, saying how to fix it. */
    public static VirtualTime of(LiveKitSimulator sim) {
        if (!(sim.clock() instanceof ManualClock manual)) {
            throw new IllegalStateException("VirtualTime needs a simulator on a ManualClock, but this one runs on "
                    + sim.clock() + "; build it with .clock(new ManualClock()) or @LiveKitSimulatorTest(clock = ClockMode.MANUAL)");
        }
        return new VirtualTime(sim, manual, Duration.ofSeconds(10), SettleTimeout.FAIL, Duration.ofSeconds(60));
    }

    /**
     * How long (real time) to wait for owed worker answers before time may move: a worker that never
     * answers would otherwise hold time forever. Default 10 s, generous so that a slow CI machine still
     * gives the same run. What happens then is {@link #onSettleTimeout}'s choice.
     */
    public VirtualTime withSettleTimeout(Duration value) {
        return new VirtualTime(sim, clock, value, onSettleTimeout, wallTimeout);
    }

    /**
     * When owed answers do not come within the settle timeout: {@link SettleTimeout#FAIL} (default) throws
     * "still owed: job AJ_… from worker AW_… since 00:00:12"; {@link SettleTimeout#LOG} prints that and moves
     * time on, for a test whose worker never answers on purpose (its offer then times out).
     */
    public VirtualTime onSettleTimeout(SettleTimeout value) {
        return new VirtualTime(sim, clock, settleTimeout, value, wallTimeout);
    }

    /** The real-time limit of {@link #runUntil} and {@link #call}. Default 60 s. */
    public VirtualTime withWallTimeout(Duration value) {
        return new VirtualTime(sim, clock, settleTimeout, onSettleTimeout, value);
    }

    public Instant now() {
        return clock.now();
    }

    /** Moves time forward by {@code by}, one due event at a time, letting the engine settle before each. */
    public void advance(Duration by) {
        Instant target = clock.now().plus(by);
        settle();
        Optional<Instant> next = clock.nextEventTime();
        while (next.isPresent() && !next.get().isAfter(target)) {
            clock.advance(Duration.between(clock.now(), next.get()));
            settle();
            next = clock.nextEventTime();
        }
        clock.advance(Duration.between(clock.now(), target));
    }

    /**
     * Lets events happen, one due event at a time, until {@code condition} holds; fails when more than
     * {@code maxVirtualTime} would have to pass, or the wall timeout runs out, saying what was last seen.
     * The condition should be about the simulator's state (journal, snapshot): a frame on its way to a
     * fake worker is not waited for, so a condition on what the worker received could see time jump.
     */
    public void runUntil(String description, BooleanSupplier condition, Duration maxVirtualTime) {
        Instant start = clock.now();
        Instant limit = start.plus(maxVirtualTime);
        long wallDeadline = System.nanoTime() + wallTimeout.toNanos();
        while (true) {
            settle();
            long seen = sim.journal().lastSeq();
            if (condition.getAsBoolean()) {
                return;
            }
            Optional<Instant> next = clock.nextEventTime();
            if (next.isPresent() && next.get().isAfter(limit)) {
                throw new AssertionError("still waiting for " + description + " after " + Duration.between(start, clock.now())
                        + " of virtual time; the next event is due at " + next.get() + ", beyond the limit of "
                        + maxVirtualTime + "; " + lastSeen());
            }
            if (next.isPresent()) {
                clock.advance(Duration.between(clock.now(), next.get()));
            } else {
                awaitEntryAfter(seen, wallDeadline); // nothing scheduled: only something outside can change the state
            }
            if (System.nanoTime() > wallDeadline) {
                throw new AssertionError("still waiting for " + description + " after " + wallTimeout.toMillis()
                        + " ms of real time; virtual time " + clock.now() + ", nothing scheduled; " + lastSeen());
            }
        }
    }

    /**
     * Runs a blocking client call (e.g. a Twirp request) that the simulator may answer late, and moves the
     * clock to exactly when it answers: a fault's delay at {@code twirp_request}, or the 3 s a call for a room
     * that is not live takes (journalled as {@link NoResponse}). A stalled or dropped call fails at once,
     * naming the rule.
     */
    public <T> T call(Callable<T> blockingCall) {
        BackgroundCall<T> call = new BackgroundCall<>(blockingCall, sim.journal());
        long wallDeadline = System.nanoTime() + wallTimeout.toNanos();
        long seen = call.journalBefore();
        while (true) {
            List<JournalEntry> news = call.awaitNews(seen, wallDeadline, wallTimeout);
            if (news.isEmpty() || news.stream().anyMatch(e -> e.event() instanceof TwirpCall)) {
                break; // answered (or it ended without reaching the simulator)
            }
            seen = news.get(news.size() - 1).seq();
            Instant due = answeredAt(news);
            if (due != null && due.isAfter(clock.now())) {
                awaitEventAt(due, call::isDone, wallDeadline);
                advance(Duration.between(clock.now(), due));
            }
        }
        return call.join(wallDeadline, wallTimeout, clock.now().toString());
    }

    /** When the simulator will answer, by what it journalled about the call; null when it did not say. */
    private static Instant answeredAt(List<JournalEntry> news) {
        Instant due = null;
        Duration faultDelay = Duration.ZERO;
        Instant decided = null;
        for (JournalEntry entry : news) {
            if (entry.event() instanceof FaultApplied fault) {
                if (fault.effect() instanceof AppliedEffect.Stalled || fault.effect() instanceof AppliedEffect.Dropped) {
                    throw new AssertionError("the call will never be answered: rule '" + fault.rule() + "' "
                            + fault.effect().type() + "s it at twirp_request " + fault.targets());
                }
                if (fault.effect() instanceof AppliedEffect.Delayed delayed) {
                    faultDelay = faultDelay.plus(delayed.by()); // several delays at one hook add up
                    decided = entry.virtualTime();
                }
            } else if (entry.event() instanceof NoResponse none) {
                due = entry.virtualTime().plus(none.answeredAfter());
            }
        }
        return decided != null ? decided.plus(faultDelay) : due;
    }

    /**
     * Waits (in real time) until an event is scheduled at {@code due}. A Twirp call that a fault delays
     * is decided on the engine thread, but its timer may be scheduled a moment after the decision is
     * journalled; a test that saw the decision and moves the clock by hand waits for this first.
     */
    public void awaitEventAt(Instant due) {
        awaitEventAt(due, () -> false, System.nanoTime() + wallTimeout.toNanos());
    }

    private void awaitEventAt(Instant due, BooleanSupplier callDone, long wallDeadline) {
        while (!callDone.getAsBoolean() && !clock.scheduledEventTimes().contains(due)) {
            if (System.nanoTime() > wallDeadline) {
                throw new AssertionError("nothing was scheduled at " + due + " within " + wallTimeout.toMillis()
                        + " ms; scheduled: " + clock.scheduledEventTimes() + "; " + lastSeen());
            }
            // Scheduling journals nothing, so this wait is a short look-again pause, woken early by any entry.
            awaitEntryAfter(sim.journal().lastSeq(), Math.min(wallDeadline, System.nanoTime() + SLICE.toNanos() / 4));
        }
    }

    /**
     * Waits until the engine is idle: every command posted so far has run, and it owes no worker answer.
     * Answers still owed after the settle timeout fail the test, or are logged ({@link #onSettleTimeout}).
     */
    public void settle() {
        Journal journal = sim.journal();
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        while (true) {
            drain(); // the command that journalled an answer has finished (and what it posted) before we look
            long seen = journal.lastSeq();
            Map<String, Instant> owed = OwedReplies.find(journal.entries(), clock.now());
            if (owed.isEmpty()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                stillOwed(owed);
                return;
            }
            try {
                journal.awaitAfter(seen, e -> true, Duration.ofNanos(left), "a worker answer");
            } catch (JournalTimeoutException quiet) {
                // the settle timeout ran out: look once more, then report what is still owed
            }
        }
    }

    private void stillOwed(Map<String, Instant> owed) {
        String message = "still owed: " + owed.entrySet().stream()
                .map(e -> "job " + e.getKey().replace(" from ", " from worker ") + " since " + timeOfDay(e.getValue()))
                .collect(Collectors.joining(", "))
                + " (no answer within the settle timeout of " + settleTimeout.toMillis() + " ms of real time)";
        if (onSettleTimeout == SettleTimeout.FAIL) {
            throw new AssertionError(message + "; a worker silent on purpose: onSettleTimeout(SettleTimeout.LOG); "
                    + lastSeen());
        }
        System.err.println("dispatchsim: " + message + "; time moves on");
    }

    /** 00:00:12, or 00:00:12.500: ManualClock starts at midnight, so this reads as time since the start. */
    private static String timeOfDay(Instant instant) {
        LocalTime time = LocalTime.ofInstant(instant, ZoneOffset.UTC);
        return time.getNano() == 0 ? String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond())
                : String.format("%02d:%02d:%02d.%03d", time.getHour(), time.getMinute(), time.getSecond(),
                time.getNano() / 1_000_000);
    }

    /**
     * Two round trips through the engine's queue: reading a ManualClock's schedule is answered on the
     * engine thread after every command posted before it. A command can post a follow-up while it runs
     * (a delayed Twirp verdict schedules its timer that way), and a test that saw the command's journal
     * entry may have queued its own command before that follow-up; the second trip runs after it.
     */
    private void drain() {
        clock.nextEventTime();
        clock.nextEventTime();
    }

    /** Waits up to one short slice for a journal entry after {@code seen}; the caller then looks again. */
    private void awaitEntryAfter(long seen, long wallDeadline) {
        long left = Math.min(SLICE.toNanos(), wallDeadline - System.nanoTime());
        if (left <= 0) {
            return;
        }
        try {
            sim.journal().awaitAfter(seen, e -> true, Duration.ofNanos(left), "anything");
        } catch (JournalTimeoutException quiet) {
            // nothing new yet
        }
    }

    private String lastSeen() {
        return lastSeen(sim.journal());
    }

    static String lastSeen(Journal journal) {
        List<JournalEntry> tail = journal.tail(10);
        if (tail.isEmpty()) {
            return "the journal is empty";
        }
        StringBuilder text = new StringBuilder("last " + tail.size() + " journal entries:");
        for (JournalEntry entry : tail) {
            text.append("\n  #").append(entry.seq()).append(' ').append(entry.virtualTime()).append(' ').append(entry.event());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "VirtualTime[" + clock.now() + "]";
    }
}
