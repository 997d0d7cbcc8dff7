package dev.dispatchsim.tests.admin;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.SimulatorBuilder;
import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.Health;
import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.admin.ProfileInfo;
import dev.dispatchsim.admin.RoomConfig;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.ParticipantJoined;
import dev.dispatchsim.journal.JournalEvent.RoomClosed;
import dev.dispatchsim.journal.JournalEvent.RoomCreated;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.model.SimulatorState;
import dev.dispatchsim.testkit.FakeAgentWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What every {@link SimulatorAdmin} must do, run against each implementation by a subclass: the same
 * calls give the same results and fail with the same status and error code.
 */
@Timeout(30)
abstract class SimulatorAdminContract {

    static final Duration WAIT = Duration.ofSeconds(5);

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** The implementation under test, driving {@code sim}. */
    abstract SimulatorAdmin adminFor(LiveKitSimulator sim);

    LiveKitSimulator start(UnaryOperator<SimulatorBuilder> settings) {
        LiveKitSimulator sim = settings.apply(LiveKitSimulator.builder().seed(42)).start();
        opened.add(0, sim);
        return sim;
    }

    LiveKitSimulator startManual() {
        return start(b -> b.clock(new ManualClock()));
    }

    FakeAgentWorker worker(LiveKitSimulator sim, String agentName) {
        FakeAgentWorker worker = FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret()).agentName(agentName).connect();
        opened.add(0, worker);
        return worker;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Test
    void should_report_seed_and_clock_when_asked_for_health() {
        // GIVEN a simulator on a manual clock with seed 42
        LiveKitSimulator sim = startManual();

        // WHEN
        Health health = adminFor(sim).health();

        // THEN
        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.seed()).isEqualTo(42);
        assertThat(health.clock()).isEqualTo("manual");
        assertThat(health.now()).isEqualTo(ManualClock.DEFAULT_START);
        assertThat(health.lastSeq()).isZero();
    }

    @Test
    void should_show_truth_and_report_side_by_side_when_a_room_config_agent_is_assigned() {
        // GIVEN a registered worker for stt-agent
        LiveKitSimulator sim = startManual();
        SimulatorAdmin admin = adminFor(sim);
        FakeAgentWorker worker = worker(sim, "stt-agent");

        // WHEN a simulated participant's join creates the room with an agent in its room config
        Participant bob = admin.addParticipant("room-a", "bob",
                SimParticipant.human().withName("Bob").withMetadata("m").withAttributes(Map.of("k", "v"))
                        .withRoomConfig(RoomConfig.withAgents("stt-agent")));
        String jobId = worker.nextAssignment(WAIT).getJob().getId();
        sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);
        // (the first launch after a registration is listed 5 s after its assignment; the agent joins at 1.5 s)
        admin.advanceClock(Duration.ofSeconds(5));

        // THEN the participant is as asked, and the state shows the job assigned, truth and report alike
        assertThat(bob.identity()).isEqualTo("bob");
        assertThat(bob.name()).isEqualTo("Bob");
        assertThat(bob.metadata()).isEqualTo("m");
        assertThat(bob.attributes()).containsEntry("k", "v");
        assertThat(bob.kind()).isEqualTo(ParticipantKind.STANDARD);
        SimulatorState state = admin.state();
        assertThat(state.rooms()).singleElement().satisfies(room -> {
            assertThat(room.room().name()).isEqualTo("room-a");
            assertThat(room.participants()).extracting(Participant::identity).contains("bob", "agent-" + jobId);
            assertThat(room.dispatches()).singleElement().satisfies(dispatch -> {
                assertThat(dispatch.reported().agentName()).isEqualTo("stt-agent");
                assertThat(dispatch.jobs()).singleElement().satisfies(job -> {
                    assertThat(job.jobId()).isEqualTo(jobId);
                    assertThat(job.phase()).isEqualTo(SimulatorState.Phase.ASSIGNED);
                    assertThat(job.delivered()).isTrue();
                    assertThat(job.workerId()).isEqualTo(worker.workerId());
                    assertThat(job.reportedStatus()).isEqualTo(JobStatus.JS_RUNNING);
                });
            });
        });
        assertThat(state.workers()).extracting(w -> w.id()).containsExactly(worker.workerId());
        assertThat(admin.workers()).isEqualTo(state.workers());
    }

    @Test
    void should_return_entries_after_since_of_the_asked_types_when_reading_the_journal() {
        // GIVEN two joins
        LiveKitSimulator sim = startManual();
        SimulatorAdmin admin = adminFor(sim);
        admin.addParticipant("r1", "alice", SimParticipant.human());
        admin.addParticipant("r1", "bob", SimParticipant.human());

        // WHEN
        List<JournalEntry> all = admin.journal(JournalQuery.all());
        List<JournalEntry> joins = admin.journal(JournalQuery.of(ParticipantJoined.class));
        List<JournalEntry> laterJoins = admin.journal(JournalQuery.of(ParticipantJoined.class).since(joins.get(0).seq()));

        // THEN
        assertThat(all).isEqualTo(sim.journal().entries());
        assertThat(all.get(0).event()).isInstanceOf(RoomCreated.class);
        assertThat(joins).extracting(e -> ((ParticipantJoined) e.event()).identity()).containsExactly("alice", "bob");
        assertThat(laterJoins).extracting(e -> ((ParticipantJoined) e.event()).identity()).containsExactly("bob");
        assertThat(admin.journal(JournalQuery.of("RoomCreated", "ParticipantJoined"))).hasSize(3);
    }

    @Test
    void should_answer_with_the_first_later_match_when_awaiting_an_event_that_comes_after_the_call() throws Exception {
        // GIVEN a journal whose last entry is known, and a wait for the next join
        LiveKitSimulator sim = startManual();
        SimulatorAdmin admin = adminFor(sim);
        admin.addParticipant("r1", "alice", SimParticipant.human());
        long since = admin.health().lastSeq();
        CompletableFuture<JournalEntry> awaited = CompletableFuture.supplyAsync(
                () -> admin.awaitJournal(JournalQuery.of(ParticipantJoined.class).since(since), WAIT));

        // WHEN bob joins
        admin.addParticipant("r1", "bob", SimParticipant.human());

        // THEN the wait answers with bob's join, not alice's earlier one
        JournalEntry entry = awaited.get(10, TimeUnit.SECONDS);
        assertThat(entry.seq()).isGreaterThan(since);
        assertThat(((ParticipantJoined) entry.event()).identity()).isEqualTo("bob");
    }

    @Test
    void should_fail_with_504_naming_what_was_awaited_and_the_last_seq_when_nothing_matches() {
        // GIVEN a journal with one room and no worker
        LiveKitSimulator sim = startManual();
        SimulatorAdmin admin = adminFor(sim);
        admin.addParticipant("r1", "alice", SimParticipant.human());
        long last = admin.health().lastSeq();

        // WHEN waiting briefly for a job assignment that cannot happen
        AdminException timedOut = catchThrowableOfType(AdminException.class,
                () -> admin.awaitJournal(JournalQuery.of(JobAssigned.class), Duration.ofMillis(50)));

        // THEN
        assertThat(timedOut.status()).isEqualTo(504);
        assertThat(timedOut.error()).isEqualTo("timeout");
        assertThat(timedOut.getMessage()).contains("a JobAssigned after seq 0").contains("last seq is " + last);
        assertThat(last).isPositive();
        assertThat(timedOut.details()).containsEntry("lastSeq", (int) last).containsEntry("timeoutMs", 50)
                .containsEntry("awaited", Map.of("types", List.of("JobAssigned"), "since", 0));
    }

    @Test
    void should_reject_with_400_listing_valid_types_when_the_journal_type_is_unknown() {
        LiveKitSimulator sim = startManual();

        AdminException unknown = catchThrowableOfType(AdminException.class,
                () -> adminFor(sim).journal(JournalQuery.of("JobAsigned")));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.getMessage()).contains("unknown journal type 'JobAsigned'").contains("JobAssigned");
    }

    @Test
    void should_swap_a_real_profile_keep_it_after_a_rejected_one_and_clear_it_when_driven_through_the_admin() {
        // GIVEN a simulator with its own fault engine behind the admin
        LiveKitSimulator sim = startManual();
        SimulatorAdmin admin = adminFor(sim);
        String yaml = "name: drop-first\nseed: 7\nrules:\n  - name: r\n    at: availability_request\n"
                + "    when: {first: 1}\n    do: drop\n";

        // WHEN a valid profile is loaded, then an invalid one
        ProfileInfo loaded = admin.loadProfile(yaml, "drop.yaml");
        AdminException invalid = catchThrowableOfType(AdminException.class,
                () -> admin.loadProfile(yaml.replace("availability_request", "availabilty_request"), "typo.yaml"));

        // THEN the valid one is in force in the engine, the invalid one changed nothing, and clear removes it
        assertThat(loaded).isEqualTo(new ProfileInfo("drop-first", "drop.yaml", 7L, yaml));
        assertThat(sim.profile().name()).isEqualTo("drop-first");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.getMessage()).startsWith("typo.yaml:5:9: ").contains("availabilty_request")
                .contains("availability_request");
        assertThat(admin.profile()).contains(loaded);
        assertThat(sim.journal().events(dev.dispatchsim.journal.JournalEvent.ProfileLoaded.class))
                .extracting(dev.dispatchsim.journal.JournalEvent.ProfileLoaded::name).containsExactly("drop-first");
        admin.clearProfile();
        admin.clearProfile();
        assertThat(admin.profile()).isEmpty();
        assertThat(sim.profile().ruleNames()).isEmpty();
    }

    @Test
    void should_show_the_name_source_seed_and_text_when_a_profile_pins_a_seed() {
        // GIVEN a simulator
        LiveKitSimulator sim = startManual();
        SimulatorAdmin admin = adminFor(sim);

        // WHEN a profile with a seed of its own is loaded
        ProfileInfo loaded = admin.loadProfile("name: drop-all\nseed: 7\nrules: []\n", "drop.yaml");

        // THEN
        assertThat(loaded).isEqualTo(new ProfileInfo("drop-all", "drop.yaml", 7L, "name: drop-all\nseed: 7\nrules: []\n"));
        assertThat(admin.profile()).contains(loaded);
        admin.clearProfile();
        assertThat(admin.profile()).isEmpty();
    }

    @Test
    void should_reject_with_400_and_the_location_when_the_profile_is_invalid() {
        LiveKitSimulator sim = startManual();

        AdminException invalid = catchThrowableOfType(AdminException.class,
                () -> adminFor(sim).loadProfile("name: x\nrules: [\n", "bad.yaml"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.error()).isEqualTo("invalid_profile");
        assertThat(invalid.getMessage()).startsWith("bad.yaml:2:");
        assertThat(invalid.details()).containsEntry("file", "bad.yaml").containsEntry("line", 2);
    }

    @Test
    void should_empty_rooms_workers_and_journal_when_reset() {
        // GIVEN a room and a registered worker
        LiveKitSimulator sim = startManual();
        SimulatorAdmin admin = adminFor(sim);
        FakeAgentWorker worker = worker(sim, "stt-agent");
        admin.addParticipant("r1", "alice", SimParticipant.human());

        // WHEN reset twice (idempotent)
        admin.reset();
        admin.reset();

        // THEN
        assertThat(worker.awaitClosed(WAIT).code()).isEqualTo(1001);
        assertThat(admin.state().rooms()).isEmpty();
        assertThat(admin.workers()).isEmpty();
        assertThat(admin.journal(JournalQuery.all())).isEmpty();
        assertThat(admin.health().lastSeq()).isZero();
    }

    @Test
    void should_run_due_timers_when_the_manual_clock_is_advanced() {
        // GIVEN alice joined and left a room with a 5 s departure timeout
        LiveKitSimulator sim = startManual();
        SimulatorAdmin admin = adminFor(sim);
        admin.addParticipant("r1", "alice", SimParticipant.human()
                .withRoomConfig(new RoomConfig(0, 5, 0, "", List.of())));
        admin.removeParticipant("r1", "alice");

        // WHEN time moves past the timeout
        Instant now = admin.advanceClock(Duration.ofSeconds(6));

        // THEN the room was closed by its timer, at simulated time
        assertThat(now).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(6));
        assertThat(admin.journal(JournalQuery.of(RoomClosed.class))).singleElement()
                .satisfies(e -> assertThat(((RoomClosed) e.event()).reason()).isEqualTo("departure_timeout"));
        assertThat(admin.state().rooms()).isEmpty();
    }

    @Test
    void should_refuse_with_409_when_advancing_the_system_clock() {
        LiveKitSimulator sim = start(b -> b);

        AdminException refused = catchThrowableOfType(AdminException.class,
                () -> adminFor(sim).advanceClock(Duration.ofSeconds(1)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("clock_not_manual");
        assertThat(refused.getMessage()).contains("--clock manual").contains("DISPATCHSIM_CLOCK=manual");
    }

    @Test
    void should_answer_404_when_removing_a_participant_from_an_unknown_room_or_an_unknown_identity() {
        LiveKitSimulator sim = startManual();
        SimulatorAdmin admin = adminFor(sim);
        admin.addParticipant("r1", "alice", SimParticipant.human());

        AdminException noRoom = catchThrowableOfType(AdminException.class, () -> admin.removeParticipant("nope", "alice"));
        AdminException noOne = catchThrowableOfType(AdminException.class, () -> admin.removeParticipant("r1", "bob"));

        assertThat(noRoom.status()).isEqualTo(404);
        assertThat(noRoom.error()).isEqualTo("not_found");
        assertThat(noRoom.getMessage()).isEqualTo("cannot remove participant 'alice' from room 'nope': requested room does not exist");
        assertThat(noOne.status()).isEqualTo(404);
        assertThat(noOne.getMessage()).contains("participant does not exist");
    }

    @Test
    void should_close_the_worker_socket_with_the_given_code_when_a_worker_is_killed() {
        // GIVEN a registered worker
        LiveKitSimulator sim = startManual();
        SimulatorAdmin admin = adminFor(sim);
        FakeAgentWorker worker = worker(sim, "stt-agent");
        assertThat(admin.workers()).extracting(w -> w.agentName()).containsExactly("stt-agent");

        // WHEN
        admin.killWorker(worker.workerId(), 1011);

        // THEN the worker sees the close code and is gone from the list
        assertThat(worker.awaitClosed(WAIT).code()).isEqualTo(1011);
        assertThat(admin.workers()).isEmpty();
    }

    @Test
    void should_answer_404_listing_workers_when_killing_an_unknown_worker_and_400_for_an_unsendable_code() {
        LiveKitSimulator sim = startManual();
        SimulatorAdmin admin = adminFor(sim);
        FakeAgentWorker worker = worker(sim, "stt-agent");

        AdminException unknown = catchThrowableOfType(AdminException.class, () -> admin.killWorker("AW_nope", 1011));
        AdminException badCode = catchThrowableOfType(AdminException.class, () -> admin.killWorker(worker.workerId(), 1006));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.getMessage()).contains("no worker 'AW_nope'").contains(worker.workerId());
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.getMessage()).contains("1006").contains("1000-1003, 1007-1014, 3000-4999");
        assertThat(worker.isOpen()).isTrue();
    }
}
