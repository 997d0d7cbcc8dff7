package dev.dispatchsim.assertions;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.AvailabilityAnswered;
import dev.dispatchsim.journal.JournalEvent.AvailabilityRequested;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.JobCreated;
import dev.dispatchsim.journal.JournalEvent.JobStatusUpdated;
import dev.dispatchsim.journal.JournalEvent.JobTerminated;
import dev.dispatchsim.journal.JournalEvent;
import dev.dispatchsim.model.SimulatorState.DispatchView;
import dev.dispatchsim.model.SimulatorState.JobView;
import dev.dispatchsim.model.SimulatorState.RoomView;
import dev.dispatchsim.model.SimulatorState;
import dev.dispatchsim.profile.Profile;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an assertion looks at, captured once when {@code assertThat(sim)} is called: the state
 * (truth and report side by side), the journal, the profile and the time. Navigating from the
 * simulator to a room, a dispatch and a job reads one consistent picture, and failure messages can
 * explain a miss from the same picture.
 */
record Evidence(SimulatorState state, List<JournalEntry> journal, Profile profile, long seed, Instant now) {

    static Evidence of(LiveKitSimulator sim) {
        // The state is taken on the engine thread after every earlier command, so it is at least as new as the journal read before it.
        List<JournalEntry> journal = sim.journal().entries();
        return new Evidence(sim.admin().state(), journal, sim.profile(), sim.seed(), sim.clock().now());
    }

    Optional<RoomView> room(String name) {
        return state.rooms().stream().filter(r -> r.room().name().equals(name)).findFirst();
    }

    <T extends JournalEvent> List<T> events(Class<T> type) {
        return journal.stream().map(JournalEntry::event).filter(type::isInstance).map(type::cast).toList();
    }

    /** Every journal entry about one job: its creation, offers, answers, faults, assignment, status and end. */
    List<JournalEntry> trail(String jobId) {
        return journal.stream().filter(e -> jobIdOf(e.event()).equals(jobId)).toList();
    }

    List<FaultApplied> faultsInRoom(String room) {
        return events(FaultApplied.class).stream().filter(f -> room.equals(f.targets().get("room"))).toList();
    }

    List<DispatchUndeliverable> undeliverable(String dispatchId) {
        return events(DispatchUndeliverable.class).stream().filter(u -> u.dispatchId().equals(dispatchId)).toList();
    }

    /** Job ids whose JobAssignment reached {@code workerId}, in order (late deliveries included). */
    Set<String> receivedJobs(String workerId) {
        Set<String> received = new LinkedHashSet<>();
        events(JobAssigned.class).stream().filter(a -> a.workerId().equals(workerId) && a.delivered())
                .forEach(a -> received.add(a.jobId()));
        for (RoomView room : state.rooms()) {
            for (DispatchView dispatch : room.dispatches()) {
                for (JobView job : dispatch.jobs()) {
                    if (job.delivered() && workerId.equals(job.workerId())) {
                        received.add(job.jobId());
                    }
                }
            }
        }
        return received;
    }

    String roomOfJob(String jobId) {
        return events(JobCreated.class).stream().filter(c -> c.jobId().equals(jobId)).map(JobCreated::room)
                .findFirst().orElse("?");
    }

    private static String jobIdOf(JournalEvent event) {
        if (event instanceof JobCreated e) {
            return e.jobId();
        } else if (event instanceof AvailabilityRequested e) {
            return e.jobId();
        } else if (event instanceof AvailabilityAnswered e) {
            return e.jobId();
        } else if (event instanceof AvailabilityTimedOut e) {
            return e.jobId();
        } else if (event instanceof JobAssigned e) {
            return e.jobId();
        } else if (event instanceof JobStatusUpdated e) {
            return e.jobId();
        } else if (event instanceof JobTerminated e) {
            return e.jobId();
        } else if (event instanceof DispatchUndeliverable e) {
            return e.jobId();
        } else if (event instanceof FaultApplied e) {
            return e.targets().getOrDefault("job", "");
        }
        return "";
    }
}
