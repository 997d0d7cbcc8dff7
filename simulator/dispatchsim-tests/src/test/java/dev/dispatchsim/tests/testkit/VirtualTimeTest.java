package dev.dispatchsim.tests.testkit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.testkit.AvailabilityPolicy;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class VirtualTimeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DELAY_CREATE_ROOM = """
            name: slow-create-room
            rules:
              - name: create-room-5s
                at: twirp_request
                match: {method: CreateRoom}
                do: {type: delay, fixed: 5s}
            """;
    private static final String LAUNCH_AFTER_9S = """
            name: launch-after-9s
            rules:
              - name: launch-9s-late
                at: dispatch_created
                do: {type: delay, fixed: 9s}
            """;

    @RegisterExtension
    final LiveKitSimulatorExtension simulator = LiveKitSimulatorExtension.builder().clock(ClockMode.MANUAL).seed(7).build();

    @Test
    @FaultProfile(yaml = DELAY_CREATE_ROOM)
    void should_leave_a_delayed_twirp_call_unanswered_when_nothing_moves_the_manual_clock(LiveKitSimulator sim, ManualClock clock,
                                                                                         VirtualTime time) {
        // GIVEN CreateRoom delayed 5 s under a ManualClock
        TwirpHttp twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());

        // WHEN the call is made and has reached the simulator
        CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> createRoom(twirp, "r1"));
        sim.journal().await(FaultApplied.class, f -> f.rule().equals("create-room-5s"), WAIT);
        time.awaitEventAt(ManualClock.DEFAULT_START.plusSeconds(5)); // its timer follows the decision

        // THEN it waits for the clock (the trap), and moving the clock 5 s answers it
        assertThat(call).isNotDone();
        clock.advance(Duration.ofSeconds(5));
        assertThat(call.join().statusCode()).isEqualTo(200);
    }

    @Test
    @FaultProfile(yaml = DELAY_CREATE_ROOM)
    void should_answer_a_delayed_twirp_call_at_exactly_its_delay_when_made_through_call(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN CreateRoom delayed 5 s under a ManualClock
        TwirpHttp twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
        Instant start = time.now();

        // WHEN the test makes the call through VirtualTime
        HttpResponse<String> response = time.call(() -> createRoom(twirp, "r1"));

        // THEN it is answered, 5 s of virtual time later
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.between(start, time.now())).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @FaultProfile(yaml = """
            name: stalled-create-room
            rules:
              - name: never-answer-create-room
                at: twirp_request
                match: {method: CreateRoom}
                do: stall
            """)
    void should_fail_naming_the_rule_when_a_call_is_stalled(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN CreateRoom stalled by a rule
        TwirpHttp twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());

        // WHEN the test makes the call through VirtualTime
        // THEN it fails at once, naming the rule, instead of hanging
        assertThatThrownBy(() -> time.call(() -> createRoom(twirp, "r1")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the call will never be answered: rule 'never-answer-create-room' stalls it at twirp_request");
    }

    @Test
    @FaultProfile(yaml = LAUNCH_AFTER_9S)
    void should_lose_a_late_job_when_the_manual_clock_jumps_past_its_timeout_in_one_step(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a worker, and a dispatch that launches 9 s late
        try (FakeAgentWorker worker = worker(sim)) {
            createRoomWithAgent(sim, "r1");

            // WHEN plain ManualClock.advance jumps 20 s in one step
            clock.advance(Duration.ofSeconds(20));

            // THEN the availability timeout (at 12 s) ran before the worker's answer could be handled
            assertThat(sim.journal().events(AvailabilityTimedOut.class)).hasSize(1);
            assertThat(sim.journal().events(JobAssigned.class)).isEmpty();
        }
    }

    @Test
    @FaultProfile(yaml = LAUNCH_AFTER_9S)
    void should_deliver_a_late_job_when_virtual_time_steps_past_its_delay(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN a worker, and a dispatch that launches 9 s late
        try (FakeAgentWorker worker = worker(sim)) {
            createRoomWithAgent(sim, "r1");

            // WHEN VirtualTime advances 20 s, one event at a time
            time.advance(Duration.ofSeconds(20));

            // THEN the worker answered in between, and got the job
            assertThat(sim.journal().events(JobAssigned.class)).hasSize(1);
            assertThat(sim.journal().events(AvailabilityTimedOut.class)).isEmpty();
            assertThat(worker.nextAssignment(WAIT).getJob().getRoom().getName()).isEqualTo("r1");
        }
    }

    @Test
    @FaultProfile(yaml = LAUNCH_AFTER_9S)
    void should_stop_at_the_moment_the_condition_holds_when_running_until_it(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN a worker, and a dispatch that launches 9 s late
        try (FakeAgentWorker worker = worker(sim)) {
            Instant start = time.now();
            createRoomWithAgent(sim, "r1");

            // WHEN the test runs until the job is assigned
            time.runUntil("the job to be assigned", () -> !sim.journal().events(JobAssigned.class).isEmpty(),
                    Duration.ofMinutes(1));

            // THEN that took exactly the 9 s delay
            assertThat(Duration.between(start, time.now())).isEqualTo(Duration.ofSeconds(9));
        }
    }

    @Test
    void should_say_what_it_last_saw_when_the_condition_needs_more_virtual_time_than_allowed(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN a room and no worker: nothing will ever be assigned; its empty timeout is 300 s away
        createRoomWithAgent(sim, "r1");

        // WHEN the test runs until an assignment, allowing 60 s
        // THEN it fails, saying how far it got and what the journal shows
        assertThatThrownBy(() -> time.runUntil("a JobAssigned", () -> false, Duration.ofSeconds(60)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("still waiting for a JobAssigned after PT0S of virtual time; the next event is due at "
                        + "2026-01-01T00:05:00Z, beyond the limit of PT1M; last 4 journal entries:")
                .hasMessageContaining("DispatchUndeliverable[room=r1");
    }

    @Test
    @FaultProfile(yaml = LAUNCH_AFTER_9S)
    void should_fail_naming_the_owed_answer_when_a_worker_never_answers(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN a worker that never answers AvailabilityRequests, and a dispatch that launches 9 s late
        try (FakeAgentWorker ghost = ghost(sim)) {
            createRoomWithAgent(sim, "r1");

            // WHEN time advances past the launch, with a short settle timeout and the default FAIL
            // THEN the wait for the worker's answer does not run out silently: it names the job, worker and since when
            String workerId = ghost.workerId();
            assertThatThrownBy(() -> time.withSettleTimeout(Duration.ofMillis(200)).advance(Duration.ofSeconds(20)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageMatching("(?s)still owed: job AJ_\\w{12} from worker " + workerId + " since 00:00:09 "
                            + "\\(no answer within the settle timeout of 200 ms of real time\\).*");
        }
    }

    @Test
    @FaultProfile(yaml = LAUNCH_AFTER_9S)
    void should_move_time_on_after_the_settle_timeout_when_told_to_log(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN a worker that never answers AvailabilityRequests
        try (FakeAgentWorker ghost = ghost(sim)) {
            createRoomWithAgent(sim, "r1");

            // WHEN time advances past launch and availability timeout, with a short settle timeout that only logs
            time.withSettleTimeout(Duration.ofMillis(200)).onSettleTimeout(VirtualTime.SettleTimeout.LOG)
                    .advance(Duration.ofSeconds(20));

            // THEN the offer timed out, as on the real server
            assertThat(ghost.nextAvailabilityRequest(WAIT).getJob().getRoom().getName()).isEqualTo("r1");
            assertThat(sim.journal().events(AvailabilityTimedOut.class)).hasSize(1);
        }
    }

    @Test
    @FaultProfile(yaml = """
            name: slow-list-dispatch
            rules:
              - name: list-dispatch-5s
                at: twirp_request
                match: {method: ListDispatch}
                do: {type: delay, fixed: 5s}
            """)
    void should_wait_out_both_delays_when_a_delayed_call_finds_no_live_room(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN ListDispatch delayed 5 s by a rule, for a room that is not live (3 s of retries on the real server)
        TwirpHttp twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
        Instant start = time.now();

        // WHEN the test makes the call through VirtualTime
        HttpResponse<String> response = time.call(() -> twirp.json("livekit.AgentDispatchService/ListDispatch",
                "{\"room\":\"nowhere\"}", TwirpHttp.roomAdmin("nowhere")));

        // THEN it is answered 503 after both: 8 s of virtual time
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Duration.between(start, time.now())).isEqualTo(Duration.ofSeconds(8));
    }

    private static FakeAgentWorker ghost(LiveKitSimulator sim) {
        return FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret())
                .agentName("stt-agent").policy(AvailabilityPolicy.ignore()).connect();
    }

    private static FakeAgentWorker worker(LiveKitSimulator sim) {
        return FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret()).agentName("stt-agent").connect();
    }

    private static void createRoomWithAgent(LiveKitSimulator sim, String room) {
        new RoomApi(sim).createRoom(room, "[{\"agentName\":\"stt-agent\"}]");
    }

    private static HttpResponse<String> createRoom(TwirpHttp twirp, String room) {
        return twirp.json("livekit.RoomService/CreateRoom", "{\"name\":\"" + room + "\"}", TwirpHttp.roomCreate());
    }
}
