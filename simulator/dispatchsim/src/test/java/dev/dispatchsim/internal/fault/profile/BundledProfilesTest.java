package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.FaultContext;
import dev.dispatchsim.internal.fault.FaultDecision;
import dev.dispatchsim.internal.fault.FaultEffect.Fail;
import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.fault.FaultEngine;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.ErrorCode;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.ParticipantKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each bundled profile does what its header comment says. */
class BundledProfilesTest {

    static List<String> bundledNames() {
        return ProfileLoader.bundledNames();
    }

    private static FaultEngine engine(String profile) {
        FaultEngine engine = new FaultEngine(1);
        engine.load(ProfileLoader.bundled(profile));
        return engine;
    }

    private static FaultContext dispatchHop(HookPoint hook, String room, DispatchSource source) {
        return FaultContext.at(hook).agentName("stt-agent").roomName(room).dispatchSource(source)
                .dispatchId("AD_" + room).workerId("AW_1").workerAgentName("stt-agent").workerOrder(1).build();
    }

    /** The effect (or null) decided for events 1..n. */
    private static List<FaultEffect> effects(FaultEngine engine, int n, IntFunction<FaultContext> ctx) {
        List<FaultEffect> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<FaultDecision> d = engine.decide(ctx.apply(i));
            out.add(d.isEmpty() ? null : d.get(0).effect());
        }
        return out;
    }

    private static long dropped(FaultEngine engine, int n, int inFlight) {
        return IntStream.rangeClosed(1, n).filter(i -> !engine.decide(dispatchHop(HookPoint.AVAILABILITY_REQUEST,
                "r" + i, DispatchSource.CREATE_DISPATCH).toBuilder().inFlightDispatches(inFlight).build()).isEmpty()).count();
    }

    @ParameterizedTest
    @MethodSource("bundledNames")
    void should_load_and_be_named_after_its_file_when_bundled(String name) {
        assertThat(ProfileLoader.bundled(name).name()).isEqualTo(name);
    }

    @Test
    void should_drop_createroom_sessions_2_to_4_and_report_running_when_replaying_the_a0_report() {
        // GIVEN
        FaultEngine engine = engine("createroom-agents-dropped");
        List<Integer> deliveredByCreateRoom = new ArrayList<>();
        // WHEN five sessions run one after another, each falling back to CreateDispatch if needed
        for (int session = 1; session <= 5; session++) {
            String room = "session-" + session;
            assertThat(engine.decide(dispatchHop(HookPoint.DISPATCH_CREATED, room, DispatchSource.CREATE_ROOM))).isEmpty();
            if (engine.decide(dispatchHop(HookPoint.AVAILABILITY_REQUEST, room, DispatchSource.CREATE_ROOM)).isEmpty()) {
                deliveredByCreateRoom.add(session);
            } else {
                // THEN the CreateDispatch fallback is delivered at once
                assertThat(engine.decide(dispatchHop(HookPoint.AVAILABILITY_REQUEST, room,
                        DispatchSource.CREATE_DISPATCH))).isEmpty();
            }
            // THEN ListDispatch claims JS_RUNNING whatever happened
            assertThat(engine.decide(dispatchHop(HookPoint.JOB_STATUS_REPORT, room, DispatchSource.CREATE_ROOM)))
                    .extracting(FaultDecision::effect)
                    .containsExactly(new FaultEffect.Report(JobStatus.JS_RUNNING, "", true));
        }
        assertThat(deliveredByCreateRoom).containsExactly(1, 5);
    }

    @Test
    void should_delay_every_dispatch_6_to_16s_drawn_from_the_run_seed_when_delivery_is_late() {
        // GIVEN two simulators with one master seed and a third with another; the profile's seed does not fix its draws
        FaultEngine one = new FaultEngine(1);
        FaultEngine same = new FaultEngine(1);
        FaultEngine other = new FaultEngine(999);
        List.of(one, same, other).forEach(e -> e.load(ProfileLoader.bundled("late-delivery")));
        // WHEN
        List<Duration> delays = delays(one, 50);
        // THEN the same seed draws the same delays, another seed other ones, all in 6..16 s
        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(16)))
                .isEqualTo(delays(same, 50)).isNotEqualTo(delays(other, 50));
        assertThat(delays.stream().distinct().count()).isGreaterThan(40);
    }

    @Test
    void should_draw_the_same_delays_whatever_the_run_seed_when_the_profile_fixes_its_seed() {
        // GIVEN the same profile with seed_fixed, under two master seeds
        String fixed = "name: fixed\nseed: 3202\nseed_fixed: true\nrules:\n"
                + "  - {name: late, at: dispatch_created, do: {type: delay, uniform: {min: 6s, max: 16s}}}\n";
        FaultEngine one = new FaultEngine(1);
        FaultEngine other = new FaultEngine(999);
        one.load(ProfileLoader.fromYaml(fixed));
        other.load(ProfileLoader.fromYaml(fixed));
        // WHEN / THEN
        assertThat(delays(one, 20)).isEqualTo(delays(other, 20));
        assertThat(one.seed()).isEqualTo(3202);
    }

    private static List<Duration> delays(FaultEngine engine, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> engine.decide(dispatchHop(HookPoint.DISPATCH_CREATED,
                "r" + i, DispatchSource.CREATE_ROOM)).get(0).delay().orElseThrow()).toList();
    }

    @Test
    void should_drop_undelivered_jobs_but_report_all_running_when_status_is_false() {
        FaultEngine engine = engine("false-running-status");
        assertThat(effects(engine, 4, i -> dispatchHop(HookPoint.AVAILABILITY_REQUEST, "r" + i, DispatchSource.TOKEN)))
                .containsExactly(null, new FaultEffect.Drop(), null, new FaultEffect.Drop());
        assertThat(effects(engine, 2, i -> dispatchHop(HookPoint.JOB_STATUS_REPORT, "r" + i, DispatchSource.TOKEN)))
                .containsOnly(new FaultEffect.Report(JobStatus.JS_RUNNING, "", true));
    }

    @Test
    void should_drop_about_thirty_percent_when_drops_are_intermittent() {
        assertThat(dropped(engine("intermittent-drop"), 1000, 0)).isBetween(250L, 350L);
    }

    @Test
    void should_drop_more_as_in_flight_grows_when_degrading_under_burst() {
        assertThat(dropped(engine("burst-degradation"), 1000, 4)).isZero();
        assertThat(dropped(engine("burst-degradation"), 2000, 5)).isBetween(520L, 680L);
        assertThat(dropped(engine("burst-degradation"), 2000, 10)).isBetween(890L, 1070L);
    }

    @Test
    void should_lose_only_the_first_answer_when_availability_times_out() {
        assertThat(effects(engine("availability-timeout"), 3,
                i -> dispatchHop(HookPoint.AVAILABILITY_RESPONSE, "r" + i, DispatchSource.CREATE_DISPATCH)))
                .containsExactly(new FaultEffect.Drop(), null, null);
    }

    @Test
    void should_stall_the_first_worker_only_when_it_is_a_ghost() {
        FaultEngine engine = engine("ghost-worker");
        FaultContext toFirst = dispatchHop(HookPoint.AVAILABILITY_REQUEST, "r", DispatchSource.CREATE_DISPATCH);
        assertThat(engine.decide(toFirst)).extracting(FaultDecision::effect).containsExactly(new FaultEffect.Stall());
        assertThat(engine.decide(toFirst.toBuilder().workerOrder(2).workerId("AW_2").build())).isEmpty();
    }

    @Test
    void should_close_the_socket_once_instead_of_the_third_assignment_when_the_socket_drops() {
        assertThat(effects(engine("worker-socket-drop"), 5,
                i -> dispatchHop(HookPoint.JOB_ASSIGNMENT, "r" + i, DispatchSource.CREATE_DISPATCH)))
                .containsExactly(null, null, new FaultEffect.Disconnect(1011, "internal error"), null, null);
    }

    @Test
    void should_refuse_upgrades_then_close_registrations_when_reconnects_storm() {
        FaultEngine engine = engine("reconnect-storm");
        assertThat(effects(engine, 3, i -> FaultContext.at(HookPoint.WORKER_CONNECT).build()))
                .containsExactly(new Fail(new Fail.HttpStatus(503, "service unavailable")),
                        new Fail(new Fail.HttpStatus(503, "service unavailable")), null);
        assertThat(effects(engine, 4, i -> FaultContext.at(HookPoint.WORKER_REGISTER).workerId("AW_" + i).build()))
                .containsExactly(new FaultEffect.Disconnect(1011, "registration failed"),
                        new FaultEffect.Disconnect(1011, "registration failed"),
                        new FaultEffect.Disconnect(1011, "registration failed"), null);
    }

    @Test
    void should_fail_the_first_three_createdispatch_calls_only_when_there_is_an_outage() {
        FaultEngine engine = engine("createdispatch-outage");
        Fail unavailable = new Fail(new Fail.Twirp(ErrorCode.UNAVAILABLE, "twirp error unknown: no response from servers"));
        assertThat(effects(engine, 2, i -> FaultContext.at(HookPoint.TWIRP_REQUEST)
                .twirp("livekit.RoomService", "CreateRoom").build())).containsOnlyNulls();
        assertThat(effects(engine, 5, i -> FaultContext.at(HookPoint.TWIRP_REQUEST)
                .twirp("livekit.AgentDispatchService", "CreateDispatch").build()))
                .containsExactly(unavailable, unavailable, unavailable, null, null);
    }

    @Test
    void should_delay_joins_up_to_30s_and_drop_the_third_when_agents_join_late() {
        FaultEngine engine = engine("agent-join-late");
        List<List<FaultDecision>> joins = new ArrayList<>(IntStream.rangeClosed(1, 40).mapToObj(i -> engine.decide(
                dispatchHop(HookPoint.AGENT_JOIN, "r" + i, DispatchSource.CREATE_ROOM))).toList());
        assertThat(joins.get(2)).extracting(FaultDecision::effect).containsExactly(new FaultEffect.Drop());
        joins.remove(2);
        assertThat(joins).allSatisfy(d -> assertThat(d).singleElement()
                .satisfies(x -> assertThat(x.delay().orElseThrow()).isBetween(Duration.ZERO, Duration.ofSeconds(30))));
    }

    @Test
    void should_inject_nothing_when_the_profile_only_documents_a_name_mismatch() {
        assertThat(ProfileLoader.bundled("agent-name-mismatch").rules()).isEmpty();
    }
    private static FaultContext webhook(String event, ParticipantKind kind) {
        return FaultContext.at(HookPoint.WEBHOOK).webhookEvent(event).roomName("r").url("http://127.0.0.1:9/hooks")
                .participant(kind == null ? null : "p").participantKind(kind).build();
    }

    @Test
    void should_drop_only_the_agents_participant_joined_when_the_agent_joined_webhook_is_lost() {
        FaultEngine engine = engine("agent-joined-webhook-lost");
        assertThat(engine.decide(webhook("participant_joined", ParticipantKind.AGENT))).extracting(FaultDecision::effect)
                .containsExactly(new FaultEffect.Drop());
        assertThat(engine.decide(webhook("participant_joined", ParticipantKind.STANDARD))).isEmpty();
        assertThat(engine.decide(webhook("participant_left", ParticipantKind.AGENT))).isEmpty();
        assertThat(engine.decide(webhook("room_started", null))).isEmpty();
    }

    @Test
    void should_duplicate_joins_reorder_lefts_and_hold_room_started_when_webhooks_are_late_and_duplicated() {
        FaultEngine engine = engine("webhooks-late-and-duplicated");
        assertThat(engine.decide(webhook("participant_joined", ParticipantKind.AGENT))).extracting(FaultDecision::effect)
                .containsExactly(new FaultEffect.Duplicate(Duration.ofSeconds(3)));
        assertThat(engine.decide(webhook("participant_left", ParticipantKind.STANDARD))).extracting(FaultDecision::effect)
                .containsExactly(new FaultEffect.Reorder());
        assertThat(engine.decide(webhook("room_started", null))).singleElement()
                .satisfies(d -> assertThat(d.delay().orElseThrow()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(8)));
        assertThat(engine.decide(webhook("track_published", ParticipantKind.STANDARD))).isEmpty();
    }
}
