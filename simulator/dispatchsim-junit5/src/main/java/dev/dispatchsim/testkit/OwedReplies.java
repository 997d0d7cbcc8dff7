package dev.dispatchsim.testkit;

import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.AvailabilityAnswered;
import dev.dispatchsim.journal.JournalEvent.AvailabilityRequested;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The worker answers the engine is waiting for right now, read from the journal alone: offers
 * (AvailabilityRequested) that no answer, timeout, disconnect or give-up has closed yet. Under a
 * ManualClock these answers travel over real sockets in real time, so virtual time must not move
 * until they are in; otherwise a large step could fire the availability timeout before a prompt
 * answer lands.
 *
 * <p>An offer a fault holds back (dropped, stalled, or delayed and not yet due, at
 * {@code availability_request} or {@code availability_response}) is not owed: only time can move it.
 * The state snapshot is not used on purpose: taking one asks the {@code job_status_report} rules.
 */
final class OwedReplies {

    private static final Set<String> OFFER_HOOKS = Set.of("availability_request", "availability_response");

    private OwedReplies() {
    }

    /** "jobId from workerId" for every owed answer, sorted, with when it was asked; empty when time may move. */
    static Map<String, Instant> find(List<JournalEntry> journal, Instant now) {
        Map<String, Instant> open = new TreeMap<>();
        Set<String> held = new HashSet<>();
        // Several delay rules at one hook add up, so delays are summed per decision: same hook, offer and instant.
        Map<Decision, Duration> delays = new HashMap<>();
        for (JournalEntry entry : journal) {
            if (entry.event() instanceof AvailabilityRequested e) {
                open.putIfAbsent(offer(e.jobId(), e.workerId()), entry.virtualTime());
            } else if (entry.event() instanceof AvailabilityAnswered e) {
                open.remove(offer(e.jobId(), e.workerId()));
            } else if (entry.event() instanceof AvailabilityTimedOut e) {
                open.remove(offer(e.jobId(), e.workerId()));
            } else if (entry.event() instanceof DispatchUndeliverable e) {
                open.keySet().removeIf(o -> o.startsWith(e.jobId() + " from "));
            } else if (entry.event() instanceof WorkerDisconnected e) {
                open.keySet().removeIf(o -> o.endsWith(" from " + e.workerId()));
            } else if (entry.event() instanceof FaultApplied f && OFFER_HOOKS.contains(f.hookPoint())) {
                String offer = offer(f.targets().getOrDefault("job", ""), f.targets().getOrDefault("worker", ""));
                if (f.effect() instanceof AppliedEffect.Delayed delayed) {
                    delays.merge(new Decision(offer, f.hookPoint(), entry.virtualTime()), delayed.by(), Duration::plus);
                } else if (!(f.effect() instanceof AppliedEffect.Duplicated)) {
                    held.add(offer); // drop, stall, disconnect: only time (a timeout) moves this offer on
                }
            }
        }
        delays.forEach((decision, delay) -> {
            if (decision.at().plus(delay).isAfter(now)) {
                held.add(decision.offer());
            }
        });
        open.keySet().removeAll(held);
        return open;
    }

    private static String offer(String jobId, String workerId) {
        return jobId + " from " + workerId;
    }

    private record Decision(String offer, String hook, Instant at) {
    }
}
