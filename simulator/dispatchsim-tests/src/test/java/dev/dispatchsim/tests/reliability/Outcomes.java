package dev.dispatchsim.tests.reliability;

import dev.dispatchsim.journal.Journal;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.journal.JournalEvent.DispatchCreated;
import dev.dispatchsim.journal.JournalEvent.DispatchDeleted;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.JobCreated;
import dev.dispatchsim.journal.JournalEvent.JobTerminated;
import dev.dispatchsim.journal.JournalEvent.RoomClosed;
import dev.dispatchsim.model.DispatchSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether every dispatch the APIs created (CreateRoom's agents, CreateDispatch) has an outcome in the journal:
 * its job assigned, undeliverable with a reason, a fault that took it, its job terminated or lost to an
 * availability timeout (as the real server loses it), or the dispatch ended with its room or by DeleteDispatch.
 */
record Outcomes(int dispatches, Map<String, String> missing) {

    /** Waits (by observation, bounded) until every dispatch has its outcome, or the bound passes. */
    static Outcomes awaitAll(Journal journal, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Outcomes outcomes = of(journal.entries());
        while (!outcomes.missing().isEmpty() && System.nanoTime() < deadline) {
            long seen = journal.lastSeq();
            try {
                // the next entry, whatever it is, may be the outcome still missing
                journal.awaitAfter(seen, e -> true, Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                        "an entry after seq " + seen);
            } catch (dev.dispatchsim.journal.JournalTimeoutException quiet) {
                // nothing more came: the missing outcomes are missing
            }
            outcomes = of(journal.entries());
        }
        return outcomes;
    }

    static Outcomes of(List<JournalEntry> entries) {
        Map<String, String> roomOf = new LinkedHashMap<>();
        Map<String, String> dispatchOfJob = new HashMap<>();
        Set<String> settled = new HashSet<>();
        for (JournalEntry entry : entries) {
            JournalEvent event = entry.event();
            if (event instanceof DispatchCreated created && (created.source() == DispatchSource.CREATE_ROOM || created.source() == DispatchSource.CREATE_DISPATCH)) {
                roomOf.put(created.dispatchId(), created.room());
            } else if (event instanceof JobCreated job) {
                dispatchOfJob.put(job.jobId(), job.dispatchId());
            } else if (event instanceof JobAssigned assigned) {
                settled.add(dispatchOfJob.get(assigned.jobId()));
            } else if (event instanceof JobTerminated terminated) {
                settled.add(dispatchOfJob.get(terminated.jobId()));
            } else if (event instanceof AvailabilityTimedOut lost) {
                settled.add(dispatchOfJob.get(lost.jobId()));
            } else if (event instanceof DispatchUndeliverable undeliverable && !undeliverable.reason().isBlank()) {
                settled.add(undeliverable.dispatchId());
            } else if (event instanceof DispatchDeleted deleted) {
                settled.add(deleted.dispatchId());
            } else if (event instanceof FaultApplied fault) {
                settled.add(fault.targets().get("dispatch"));
                settled.add(dispatchOfJob.get(fault.targets().get("job")));
            } else if (event instanceof RoomClosed closed) {
                roomOf.forEach((dispatch, room) -> {
                    if (room.equals(closed.room())) {
                        settled.add(dispatch);
                    }
                });
            }
        }
        Map<String, String> missing = new LinkedHashMap<>();
        roomOf.forEach((dispatch, room) -> {
            if (!settled.contains(dispatch)) {
                missing.put(dispatch, room);
            }
        });
        return new Outcomes(roomOf.size(), missing);
    }

    String describe() {
        return dispatches + " dispatches; without an outcome (dispatch=room): " + missing;
    }
}
