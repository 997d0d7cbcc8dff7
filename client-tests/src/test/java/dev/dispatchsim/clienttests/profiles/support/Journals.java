package dev.dispatchsim.clienttests.profiles.support;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Reading the simulator's journal (ground truth) from a test. */
public final class Journals {

    public static final Duration WAIT = Duration.ofSeconds(5);

    private Journals() {
    }

    /** Every FaultApplied entry of one rule, in order. */
    public static List<FaultApplied> faults(LiveKitSimulator sim, String rule) {
        return sim.journal().events(FaultApplied.class).stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** The rooms a rule fired for, in order. */
    public static List<String> faultRooms(LiveKitSimulator sim, String rule) {
        return faults(sim, rule).stream().map(f -> f.targets().get("room")).toList();
    }

    /** The delay a fired delay rule sampled. */
    public static Duration delayOf(FaultApplied fault) {
        if (fault.effect() instanceof AppliedEffect.Delayed delayed) {
            return delayed.by();
        }
        throw new AssertionError("not a delay: " + fault);
    }

    public static <T extends JournalEvent> List<T> events(LiveKitSimulator sim, Class<T> type, Predicate<T> filter) {
        return sim.journal().events(type).stream().filter(filter).toList();
    }

    /** Waits (by observation) for an event of this type that matches. */
    public static <T extends JournalEvent> T await(LiveKitSimulator sim, Class<T> type, Predicate<T> filter) {
        return sim.journal().await(type, filter, WAIT);
    }
}
