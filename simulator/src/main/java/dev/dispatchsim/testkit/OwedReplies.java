package dev.dispatchsim.testkit;

import dev.dispatchsim.engine.SimSnapshot;
import dev.dispatchsim.model.JournalEntry;
import dev.dispatchsim.model.JournalEvent.FaultApplied;
import dev.dispatchsim.model.Worker;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The worker replies the engine is waiting for right now: jobs offered to a connected worker whose
 * AvailabilityRequest really went out and whose answer has not been handled. Under a ManualClock
 * these answers travel over real sockets in real time, so virtual time must not move until they
 * are in; otherwise a large step could fire the availability timeout before a prompt answer lands.
 *
 * <p>An offer a fault holds back (dropped, stalled, or delayed and not yet due, at
 * {@code availability_request} or {@code availability_response}) is not owed: only time can move it.
 */
final class OwedReplies {

    private static final Set<String> OFFER_HOOKS = Set.of("availability_request", "availability_response");

    private OwedReplies() {
    }

    /** "jobId from workerId" for every owed answer, sorted; empty when time may move. */
    static Set<String> find(SimSnapshot snapshot, List<JournalEntry> journal, Instant now) {
        Set<String> connected = new HashSet<>();
        for (Worker worker : snapshot.workers()) {
            connected.add(worker.id());
        }
        Set<String> held = heldOffers(journal, now);
        Set<String> owed = new TreeSet<>();
        for (SimSnapshot.RoomView room : snapshot.rooms()) {
            for (SimSnapshot.DispatchView dispatch : room.dispatches()) {
                for (SimSnapshot.JobView job : dispatch.jobs()) {
                    String key = job.jobId() + " from " + job.workerId();
                    if ("OFFERING".equals(job.phase()) && connected.contains(job.workerId()) && !held.contains(key)) {
                        owed.add(key);
                    }
                }
            }
        }
        return owed;
    }

    private static Set<String> heldOffers(List<JournalEntry> journal, Instant now) {
        Set<String> held = new HashSet<>();
        // Several delay rules at one hook add up, so delays are summed per decision: same hook, offer and instant.
        Map<Decision, Long> delays = new HashMap<>();
        for (JournalEntry entry : journal) {
            if (!(entry.event() instanceof FaultApplied fault) || !OFFER_HOOKS.contains(fault.hookPoint())) {
                continue;
            }
            String offer = fault.targets().getOrDefault("job", "") + " from " + fault.targets().getOrDefault("worker", "");
            OptionalLong millis = delayMillis(fault.effect());
            if (millis.isPresent()) {
                delays.merge(new Decision(offer, fault.hookPoint(), entry.virtualTime()), millis.getAsLong(), Long::sum);
            } else if (!fault.effect().startsWith("duplicate")) {
                held.add(offer); // drop, stall, disconnect: only time (a timeout) moves this offer on
            }
        }
        delays.forEach((decision, millis) -> {
            if (decision.at().plusMillis(millis).isAfter(now)) {
                held.add(decision.offer());
            }
        });
        return held;
    }

    /** The sampled delay of a journalled effect ("delay 3000ms"); empty for any other effect. */
    static OptionalLong delayMillis(String effect) {
        if (effect.startsWith("delay ") && effect.endsWith("ms")) {
            return OptionalLong.of(Long.parseLong(effect.substring("delay ".length(), effect.length() - 2)));
        }
        return OptionalLong.empty();
    }

    private record Decision(String offer, String hook, Instant at) {
    }
}
