package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.Journal;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.AvailabilityRequested;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.JobCreated;
import dev.dispatchsim.journal.JournalEvent.JobTerminated;
import dev.dispatchsim.journal.JournalEvent.RoomClosed;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;
import dev.dispatchsim.journal.JournalEvent.WorkerStatusUpdated;
import dev.dispatchsim.journal.JournalEvent;
import dev.dispatchsim.proto.JobType;
import dev.dispatchsim.proto.WorkerStatus;
import dev.dispatchsim.testkit.AvailabilityPolicy;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The determinism contract over real sockets: the same seed and the same ordered inputs under a ManualClock
 * give the same journal, event for event, simulated times included (wall time excluded).
 */
@Timeout(120)
class JournalDeterminismTest {

    @Test
    void should_write_identical_journals_when_a_multi_worker_run_is_repeated_with_the_same_seed() {
        // GIVEN a scenario with four workers (accepting, rejecting, silent, participant-type) and Twirp traffic
        // WHEN it runs twice with seed 2024
        List<String> first = run(2024);
        List<String> second = run(2024);

        // THEN both journals are identical, and rich enough to mean something
        assertThat(second).containsExactlyElementsOf(first);
        assertThat(String.join("\n", first)).contains("JobAssigned[", "AvailabilityTimedOut[", "DispatchUndeliverable[",
                "AvailabilityAnswered[", "JobTerminated[", "WorkerDisconnected[", "TwirpCall[", "RoomClosed[");

        // AND another seed gives another journal (ids and choices come from the seed)
        assertThat(run(2025)).isNotEqualTo(first);
    }

    private static List<String> run(long seed) {
        ManualClock clock = new ManualClock();
        try (LiveKitSimulator sim = Sims.manual(seed, clock).start()) {
            Journal journal = sim.journal();
            RoomApi api = new RoomApi(sim);
            FakeAgentWorker light = registered(sim, Sims.worker(sim, "det"), 0.2f);
            FakeAgentWorker picky = registered(sim, Sims.worker(sim, "det").policy(AvailabilityPolicy.reject()), 0.1f);
            FakeAgentWorker silent = registered(sim, Sims.worker(sim, "det").policy(AvailabilityPolicy.ignore()), 0.3f);
            FakeAgentWorker greeter = registered(sim, Sims.worker(sim, "det").jobType(JobType.JT_PARTICIPANT), 0f);
            try {
                for (int i = 0; i < 8; i++) {
                    String room = "det-" + i;
                    long before = journal.lastSeq();
                    api.createRoom(room, "[{\"agentName\":\"det\"}]");
                    settle(clock, journal, before, room, silent.workerId());
                    clock.advance(Duration.ofSeconds(1));
                }
                long before = journal.lastSeq();
                sim.admin().addParticipant("det-0", "hana", SimParticipant.human());
                JobAssigned greeting = (JobAssigned) journal.awaitAfter(before, e -> e.event() instanceof JobAssigned,
                        WAIT, "participant job assigned").event();
                clock.advance(Duration.ofMillis(1500)); // its agent joins 1.5 s after the assignment
                api.removeParticipant("det-0", greeting.participantIdentity());
                journal.awaitAfter(before, e -> e.event() instanceof JobTerminated, WAIT, "greeter's job terminated");
                api.deleteRoom("det-1");
                journal.awaitAfter(before, e -> e.event() instanceof RoomClosed, WAIT, "det-1 closed");
                // The server drops the worker (an abrupt client drop would journal Jetty's exception text, which
                // is the transport's to choose, not the engine's)
                sim.admin().killWorker(light.workerId(), 1011);
                journal.awaitAfter(before, e -> e.event() instanceof WorkerDisconnected, WAIT, "light gone");
                clock.advance(Duration.ofMinutes(10)); // empty and departure timeouts close what is left
                return journal.entries().stream().map(JournalEntry::deterministicForm).toList();
            } finally {
                for (FakeAgentWorker worker : List.of(light, picky, silent, greeter)) {
                    worker.close();
                }
            }
        }
    }

    /** Waits until the room's JT_ROOM job is assigned or undeliverable; a silent worker's wait is ended by the clock. */
    private static void settle(ManualClock clock, Journal journal, long before, String room, String silentId) {
        JobCreated created = (JobCreated) journal.awaitAfter(before, e -> e.event() instanceof JobCreated job
                && job.room().equals(room), WAIT, "job for " + room).event();
        List<String> asked = new ArrayList<>();
        while (true) {
            JournalEntry next = journal.awaitAfter(before, e -> isEnd(e.event(), created.jobId())
                    || e.event() instanceof AvailabilityRequested r && r.jobId().equals(created.jobId())
                    && !asked.contains(r.workerId()), WAIT, "next step of " + created.jobId());
            if (next.event() instanceof AvailabilityRequested request) {
                asked.add(request.workerId());
                if (request.workerId().equals(silentId)) {
                    clock.advance(Duration.ofSeconds(3)); // the availability window, at no wall-clock cost
                }
                continue;
            }
            if (next.event() instanceof JobAssigned || next.event() instanceof DispatchUndeliverable) {
                return;
            }
        }
    }

    private static boolean isEnd(JournalEvent event, String jobId) {
        return event instanceof JobAssigned a && a.jobId().equals(jobId)
                || event instanceof DispatchUndeliverable u && u.jobId().equals(jobId);
    }

    private static FakeAgentWorker registered(LiveKitSimulator sim, dev.dispatchsim.testkit.FakeWorkerBuilder builder,
                                              float load) {
        FakeAgentWorker worker = builder.connect();
        worker.updateStatus(WorkerStatus.WS_AVAILABLE, load);
        sim.journal().await(WorkerStatusUpdated.class, u -> u.workerId().equals(worker.workerId()), WAIT);
        return worker;
    }
}
