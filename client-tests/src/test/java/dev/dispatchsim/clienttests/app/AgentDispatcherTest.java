package dev.dispatchsim.clienttests.app;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.junit.AllowUnfiredRules;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.profile.Profile;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.dispatchsim.assertions.SimulatorAssertions.assertThat;
import static dev.dispatchsim.clienttests.app.AppUnderTest.AGENT;
import static dev.dispatchsim.clienttests.app.AppUnderTest.METADATA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workaround under each failure mode of the createRoom-agents report: every session ends with
 * exactly one agent in its room, proven by the simulator's ground truth, and when no agent can come
 * the app says so clearly. Virtual time: the 16 s waits cost nothing, and every run is the same.
 */
@Timeout(120)
class AgentDispatcherTest {

    // tag::per-test[]
    @RegisterExtension
    final LiveKitSimulatorExtension simulator = LiveKitSimulatorExtension.builder().clock(ClockMode.MANUAL).seed(1).build();
    // end::per-test[]

    @Test
    @FaultProfile("createroom-agents-dropped")
    void should_get_every_session_its_agent_when_create_room_agents_are_dropped(LiveKitSimulator sim, VirtualTime time)
            throws Exception {
        // GIVEN the createRoom-agents profile: CreateRoom's dispatch is dropped for sessions 2, 3 and 4
        try (FakeAgentWorker worker = AppUnderTest.agentWorker(sim)) {
            // WHEN five sessions run one after another
            List<DispatchOutcome> outcomes = runSessions(sim, time, 5);

            // THEN each got its agent; sessions 2-4 through one CreateDispatch fallback, exactly as the report saw
            assertThat(outcomes).allMatch(DispatchOutcome.Delivered.class::isInstance);
            assertThat(outcomes).extracting(o -> ((DispatchOutcome.Delivered) o).fallbacks()).containsExactly(0, 1, 1, 1, 0);
            assertThat(sim).hasAppliedFault("drop-createroom-sessions-2-to-4", 3);
            assertThat(sim).worker(AGENT).hasReceivedJobs(5);
        }
    }

    @Test
    @FaultProfile("late-delivery")
    void should_end_with_one_agent_per_room_when_every_dispatch_arrives_6_to_16_seconds_late(LiveKitSimulator sim,
                                                                                            VirtualTime time) throws Exception {
        // GIVEN every dispatch delayed 6-16 s (seeded), longer than the 4 s verify window
        try (FakeAgentWorker worker = AppUnderTest.agentWorker(sim)) {
            AgentDispatcher app = AppUnderTest.dispatcher(sim, time);
            for (int session = 1; session <= 3; session++) {
                String room = "session-" + session;

                // WHEN the app dispatches, falls back, and then every late dispatch has had time to land
                DispatchOutcome outcome = app.dispatch(room, AGENT, METADATA);
                time.advance(Duration.ofSeconds(30));

                // THEN the agent came, and the dispatches it cancelled did not bring a second one
                assertThat(outcome).as(room).isInstanceOf(DispatchOutcome.Delivered.class);
                assertThat(sim).room(room).hasAgentCount(AGENT, 1);
                assertThat(AppUnderTest.api(sim).listDispatch(room).value()).as(room + " dispatches left").hasSize(1);
            }
            assertThat(sim).hasAppliedFault("deliver-6-to-16s-late");
        }
    }

    @Test
    @FaultProfile("intermittent-drop")
    void should_get_every_session_its_agent_when_30_percent_of_dispatches_are_dropped(LiveKitSimulator sim, VirtualTime time)
            throws Exception {
        // GIVEN 30 % of offers dropped (seeded)
        try (FakeAgentWorker worker = AppUnderTest.agentWorker(sim)) {
            // WHEN ten sessions run one after another
            List<DispatchOutcome> outcomes = runSessions(sim, time, 10);

            // THEN all got their agent, some only thanks to the fallback
            assertThat(outcomes).allMatch(DispatchOutcome.Delivered.class::isInstance);
            assertThat(outcomes).anyMatch(o -> ((DispatchOutcome.Delivered) o).fallbacks() > 0);
            assertThat(sim).hasAppliedFault("drop-30-percent");
            assertThat(sim).worker(AGENT).hasReceivedJobs(10);
        }
    }

    @Test
    void should_retry_create_dispatch_through_an_outage_when_the_fallback_is_needed(LiveKitSimulator sim, VirtualTime time)
            throws Exception {
        // GIVEN CreateRoom's dispatch dropped for sessions 2-4 AND the first three CreateDispatch calls failing 503
        sim.loadProfile(combined("createroom-agents-dropped", "createdispatch-outage"));
        try (FakeAgentWorker worker = AppUnderTest.agentWorker(sim)) {
            // WHEN three sessions run
            List<DispatchOutcome> outcomes = runSessions(sim, time, 3);

            // THEN all got their agent; session 2's fallback went through three 503s before the fourth try worked
            assertThat(outcomes).allMatch(DispatchOutcome.Delivered.class::isInstance);
            assertThat(outcomes.get(1).steps()).filteredOn(s -> s.contains("CreateDispatch #1"))
                    .hasSize(4).last().asString().endsWith("CreateDispatch #1 retry 3 ok");
            assertThat(sim).hasAppliedFault("createdispatch-unavailable-first-3", 3);
            assertThat(sim).worker(AGENT).hasReceivedJobs(3);
        }
    }

    @Test
    @FaultProfile("createdispatch-outage")
    @AllowUnfiredRules // the point: CreateRoom delivers, so the CreateDispatch outage never fires
    void should_not_need_create_dispatch_when_only_create_dispatch_is_down(LiveKitSimulator sim, VirtualTime time)
            throws Exception {
        // GIVEN CreateDispatch failing, CreateRoom fine
        try (FakeAgentWorker worker = AppUnderTest.agentWorker(sim)) {
            // WHEN a session runs
            DispatchOutcome outcome = AppUnderTest.dispatcher(sim, time).dispatch("session-1", AGENT, METADATA);

            // THEN CreateRoom's own dispatch delivered; the outage never mattered
            assertThat(outcome).isInstanceOf(DispatchOutcome.Delivered.class);
            assertThat(((DispatchOutcome.Delivered) outcome).fallbacks()).isZero();
            assertThat(sim).room("session-1").hasAgentCount(AGENT, 1);
        }
    }

    @Test
    void should_report_a_clear_failure_when_no_worker_exists(LiveKitSimulator sim, VirtualTime time) throws Exception {
        // GIVEN no agent worker at all
        // WHEN a session runs
        DispatchOutcome outcome = AppUnderTest.dispatcher(sim, time).dispatch("session-1", AGENT, METADATA);

        // THEN the app gives up after its fallbacks and says why, and the simulator agrees no worker was there
        assertThat(outcome).isInstanceOf(DispatchOutcome.Failed.class);
        assertThat(((DispatchOutcome.Failed) outcome).reason()).isEqualTo("agent 'stt-agent' did not join room 'session-1' "
                + "within 16.000 s (CreateRoom, then 3 CreateDispatch fallback(s)); ListDispatch lists 4 dispatch(es) for it "
                + "with jobs [], which is no proof of delivery");
        assertThat(sim.journal().events(DispatchUndeliverable.class)).hasSize(4)
                .allSatisfy(u -> assertThat(u.reason()).isEqualTo("no worker registered for agent 'stt-agent' (JT_ROOM)"));
    }

    @Test
    void should_report_every_failed_call_when_create_dispatch_never_recovers(LiveKitSimulator sim, VirtualTime time)
            throws Exception {
        // GIVEN CreateRoom's dispatch dropped for the first session, and CreateDispatch always failing 503
        sim.loadProfile(Profile.fromYaml("""
                name: createroom-dropped-and-createdispatch-down
                rules:
                  - name: drop-first-createroom
                    at: availability_request
                    match: {source: create_room}
                    when: {first: 1}
                    do: drop
                  - name: createdispatch-always-unavailable
                    at: twirp_request
                    match: {method: CreateDispatch}
                    do: {type: fail, twirp: {code: unavailable, msg: "no response from servers"}}
                """));
        try (FakeAgentWorker worker = AppUnderTest.agentWorker(sim)) {
            // WHEN a session runs
            DispatchOutcome outcome = AppUnderTest.dispatcher(sim, time).dispatch("session-1", AGENT, METADATA);

            // THEN it fails after 3 fallbacks of 4 tries each, and its log shows each 503
            assertThat(outcome).isInstanceOf(DispatchOutcome.Failed.class);
            assertThat(outcome.steps()).filteredOn(s -> s.contains("CreateDispatch")).hasSize(12)
                    .allSatisfy(s -> assertThat(s).contains("503 {\"code\":\"unavailable\",\"msg\":\"no response from servers\""));
            assertThat(sim).room("session-1").hasNoAgent(AGENT);
        }
    }

    /** Sessions one after another, each ending (DeleteRoom) before the next starts, as in the report. */
    private static List<DispatchOutcome> runSessions(LiveKitSimulator sim, VirtualTime time, int count) throws Exception {
        AgentDispatcher app = AppUnderTest.dispatcher(sim, time);
        List<DispatchOutcome> outcomes = new ArrayList<>();
        for (int session = 1; session <= count; session++) {
            String room = "session-" + session;
            DispatchOutcome outcome = app.dispatch(room, AGENT, METADATA);
            outcomes.add(outcome);
            if (outcome instanceof DispatchOutcome.Delivered) {
                assertThat(sim).room(room).hasAgentCount(AGENT, 1);
            }
            AppUnderTest.api(sim).deleteRoom(room);
            time.advance(Duration.ofSeconds(2));
        }
        return outcomes;
    }

    private static Profile combined(String first, String second) {
        return Profile.combine(first + "+" + second, Profile.bundled(first), Profile.bundled(second));
    }
}
