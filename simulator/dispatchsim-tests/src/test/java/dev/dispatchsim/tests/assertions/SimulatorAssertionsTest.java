package dev.dispatchsim.tests.assertions;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.support.GoldenText;
import dev.dispatchsim.tests.support.RoomApi;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.dispatchsim.assertions.SimulatorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions pass on the truth, and their failures show the nearest miss; failure messages are golden files. */
@Timeout(60)
class SimulatorAssertionsTest {

    @RegisterExtension
    final LiveKitSimulatorExtension simulator = LiveKitSimulatorExtension.builder().clock(ClockMode.MANUAL).seed(5).build();

    @Test
    void should_pass_on_a_delivered_job_when_everything_worked(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN a worker, and a room created with its agent
        try (FakeAgentWorker worker = worker(sim, "stt-agent")) {
            createRoom(sim, "session-1", "stt-agent");

            // WHEN 5 s pass: the agent joins 1.5 s after its assignment, and the first launch after a
            // registration is listed by ListDispatch 5 s after it (as on livekit-server)
            time.advance(Duration.ofSeconds(5));

            // THEN every assertion about the delivered job holds
            assertThat(sim).room("session-1").hasAgent("stt-agent").hasAgentCount("stt-agent", 1)
                    .dispatchFor("stt-agent").hasSource(DispatchSource.CREATE_ROOM)
                    .job().wasDelivered().hasTrueStatus(JobStatus.JS_RUNNING).isReportedAs(JobStatus.JS_RUNNING);
            assertThat(sim).worker("stt-agent").hasReceivedJobs(1).hasReceivedJobFor("session-1");
            assertThat(sim).appliedFaults().isEmpty();
            assertThat(sim).room("session-1").dispatches().singleElement().extracting(d -> d.agentName()).isEqualTo("stt-agent");
            assertThat(sim).room("session-1").dispatchFor("stt-agent").jobs().singleElement()
                    .satisfies(job -> assertThat(job.participantIdentity()).startsWith("agent-AJ_"));
        }
    }

    @Test
    @FaultProfile("createroom-agents-dropped")
    void should_show_the_lie_and_the_rule_that_caused_it_when_a_dispatch_was_dropped(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN two sessions under the createRoom-agents profile: the second one's offer is dropped
        try (FakeAgentWorker worker = worker(sim, "stt-agent")) {
            createRoom(sim, "session-1", "stt-agent");
            time.settle(); // the worker's answer is an input too: let it in before the next one, for a repeatable journal
            createRoom(sim, "session-2", "stt-agent");
            time.advance(Duration.ofSeconds(11));

            // WHEN the app asks ListDispatch (the report rule fires on that call; assertions only peek)
            assertThat(new RoomApi(sim).listDispatch("session-2").getAgentDispatchesList()).singleElement()
                    .satisfies(d -> assertThat(d.getState().getJobsList()).singleElement()
                            .satisfies(j -> assertThat(j.getState().getStatus().name()).isEqualTo(JobStatus.JS_RUNNING.name())));

            // THEN the truth: not delivered, yet listed as JS_RUNNING; the drop rule fired once
            assertThat(sim).room("session-2").dispatchFor("stt-agent").job().wasNotDelivered().isReportedAs(JobStatus.JS_RUNNING);
            assertThat(sim).hasAppliedFault("drop-createroom-sessions-2-to-4", 1).hasAppliedFault("report-running-anyway");

            // AND the failures of the opposite claims explain it
            assertFailure("job-not-delivered",
                    () -> assertThat(sim).room("session-2").dispatchFor("stt-agent").job().wasDelivered());
            assertFailure("no-agent-in-room", () -> assertThat(sim).room("session-2").hasAgent("stt-agent"));
            assertFailure("worker-received-count", () -> assertThat(sim).worker("stt-agent").hasReceivedJobs(2));
            assertFailure("worker-no-job-for-room", () -> assertThat(sim).worker("stt-agent").hasReceivedJobFor("session-2"));
            assertFailure("job-reported-status",
                    () -> assertThat(sim).room("session-2").dispatchFor("stt-agent").job().isReportedAs(JobStatus.JS_PENDING));
            assertFailure("unknown-rule", () -> assertThat(sim).hasAppliedFault("drop-createroom-session-2-to-4"));
            assertFailure("rule-count", () -> assertThat(sim).hasAppliedFault("drop-createroom-sessions-2-to-4", 2));
        }
    }

    @Test
    void should_name_the_registered_workers_when_a_dispatch_matched_none(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN a worker registered as stt_agent, and a room that asks for stt-agent
        try (FakeAgentWorker worker = worker(sim, "stt_agent")) {
            createRoom(sim, "checkout", "stt-agent");
            time.settle();

            // WHEN / THEN asking for the job, the agent or a dispatch under the worker's name shows the near miss
            assertThat(sim).room("checkout").dispatchFor("stt-agent").hasNoJob();
            assertFailure("no-job-no-worker", () -> assertThat(sim).room("checkout").dispatchFor("stt-agent").job());
            assertFailure("no-dispatch-for-agent", () -> assertThat(sim).room("checkout").dispatchFor("stt_agent"));
            assertFailure("no-worker", () -> assertThat(sim).worker("stt-agent"));
        }
    }

    @Test
    @FaultProfile("late-delivery")
    void should_say_the_launch_is_held_when_a_delayed_dispatch_has_no_job_yet(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN a dispatch whose launch late-delivery holds for 6-16 s
        try (FakeAgentWorker worker = worker(sim, "stt-agent")) {
            createRoom(sim, "session-1", "stt-agent");
            time.advance(Duration.ofSeconds(2));

            // WHEN / THEN the missing job is explained by the rule holding it
            assertFailure("no-job-launch-held", () -> assertThat(sim).room("session-1").dispatchFor("stt-agent").job());
        }
    }

    @Test
    void should_list_live_rooms_or_say_it_closed_when_a_room_is_missing(LiveKitSimulator sim) {
        // GIVEN two live rooms and one deleted
        createRoom(sim, "session-1", "stt-agent");
        createRoom(sim, "session-3", "stt-agent");
        createRoom(sim, "session-4", "stt-agent");
        new RoomApi(sim).deleteRoom("session-4");

        // WHEN / THEN
        assertFailure("no-room", () -> assertThat(sim).room("session-2"));
        assertFailure("closed-room", () -> assertThat(sim).room("session-4"));
    }

    private static void assertFailure(String golden, ThrowingCallable assertion) {
        assertThatThrownBy(assertion).isInstanceOf(AssertionError.class)
                .satisfies(failure -> GoldenText.assertMatches("assertions/" + golden, failure.getMessage()));
    }

    private static FakeAgentWorker worker(LiveKitSimulator sim, String agent) {
        return FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret()).agentName(agent).connect();
    }

    private static void createRoom(LiveKitSimulator sim, String room, String agent) {
        new RoomApi(sim).createRoom(room, "[{\"agentName\":\"" + agent + "\"}]");
    }
}
