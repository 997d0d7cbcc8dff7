package dev.dispatchsim.tests.admin;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.admin.RuleStatus;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.admin.TokenRequest;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.RuleChanged;
import dev.dispatchsim.journal.JournalEvent.ScenarioStateChanged;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import dev.dispatchsim.profile.Profile;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The scenario and verification operations of {@link SimulatorAdmin} (one rule at a time, scenario state,
 * Twirp calls, bundled profiles by name, tokens), run against each implementation by a subclass: in this
 * JVM and over {@code /_sim/}. The app's side is real Twirp calls over a socket.
 */
@Timeout(30)
abstract class ScenarioAdminContract {

    static final String OUTAGE = """
            name: outage
            states: [outage, recovered]
            rules:
              - name: recover-after-second-call
                at: twirp_request
                match: {service: livekit.AgentDispatchService, method: CreateDispatch}
                when: {state: outage, occurrences: [2]}
                then: {state: recovered}
              - name: createdispatch-down
                at: twirp_request
                match: {method: CreateDispatch}
                when: {state: outage}
                do: {type: fail, twirp: {code: unavailable, msg: dispatch is down}}
            """;

    private LiveKitSimulator sim;

    abstract SimulatorAdmin adminFor(LiveKitSimulator sim);

    LiveKitSimulator start(Profile profile) {
        sim = LiveKitSimulator.builder().seed(42).clock(new ManualClock()).profile(profile).start();
        return sim;
    }

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void should_add_toggle_and_remove_one_rule_keeping_the_others_counters_when_changed_at_run_time() {
        // GIVEN a profile whose rule has counted two CreateRoom calls
        LiveKitSimulator sim = start(Profile.fromYaml("name: p\nrules:\n"
                + "  - {name: delay-createroom, at: twirp_request, match: {method: CreateRoom}, do: {type: delay, fixed: 0s}}\n"));
        SimulatorAdmin admin = adminFor(sim);
        RoomApi app = new RoomApi(sim);
        app.createRoom("r1", null);
        app.createRoom("r2", null);

        // WHEN a rule is added, switched off and on, and removed
        RuleStatus added = admin.addRule("{name: fail-listrooms, at: twirp_request, match: {method: ListRooms},"
                + " do: {type: fail, twirp: {code: unavailable}}}");
        int failedWhileOn = twirp(sim, "livekit.RoomService/ListRooms", "{}");
        RuleStatus off = admin.setRuleEnabled("fail-listrooms", false);
        int whileOff = twirp(sim, "livekit.RoomService/ListRooms", "{}");
        RuleStatus on = admin.setRuleEnabled("fail-listrooms", true);
        admin.removeRule("fail-listrooms");

        // THEN the new rule acted only while on, the untouched rule kept its count, and every change is journaled
        assertThat(added).isEqualTo(new RuleStatus("fail-listrooms", "twirp_request", true, 0, 0, null, null));
        assertThat(failedWhileOn).isEqualTo(503);
        assertThat(off.enabled()).isFalse();
        assertThat(off.fired()).isEqualTo(1);
        assertThat(whileOff).isEqualTo(200);
        assertThat(on.matched()).isEqualTo(1);
        assertThat(admin.rules()).extracting(RuleStatus::name, RuleStatus::matched)
                .containsExactly(tuple("delay-createroom", 2L));
        assertThat(sim.journal().events(RuleChanged.class)).extracting(RuleChanged::change)
                .containsExactly("added", "disabled", "enabled", "removed");
    }

    @Test
    void should_refuse_with_every_problem_when_an_added_rule_is_invalid_or_its_name_taken() {
        // GIVEN the outage profile
        SimulatorAdmin admin = adminFor(start(Profile.fromYaml(OUTAGE)));

        // WHEN a rule with two problems, one with a taken name and an unknown one's removal are asked for
        AdminException invalid = catchThrowableOfType(AdminException.class, () -> admin.addRule(
                "name: r\nat: availability_request\nmatch: {method: CreateDispatch}\nwhen: {state: outgae}\ndo: drop\n"));
        AdminException taken = catchThrowableOfType(AdminException.class, () -> admin.addRule(
                "{name: createdispatch-down, at: agent_join, do: drop}"));
        AdminException unknown = catchThrowableOfType(AdminException.class, () -> admin.removeRule("createdispatch-dwn"));

        // THEN each says what and where, the same way in both implementations, and nothing changed
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.error()).isEqualTo("invalid_profile");
        assertThat(invalid.getMessage()).isEqualTo("""
                2 problems in <rule>:
                <rule>:3:9: selector 'method' can never match at hook point 'availability_request', which does not \
                know that field (it is known at twirp_request); valid: agent, room, room_regex, source, metadata_contains, \
                job_type, worker, worker_agent, worker_order
                <rule>:4:15: unknown state 'outgae' (did you mean 'outage'?); valid: outage, recovered""");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.error()).isEqualTo("already_exists");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.getMessage()).contains("has no rule 'createdispatch-dwn'; its rules: [recover-after-second-call, "
                + "createdispatch-down]");
        assertThat(admin.rules()).hasSize(2);
    }

    @Test
    void should_end_the_outage_after_two_createdispatch_calls_and_show_the_state_when_the_profile_has_states() {
        // GIVEN the outage profile, in its initial state
        LiveKitSimulator sim = start(Profile.fromYaml(OUTAGE));
        SimulatorAdmin admin = adminFor(sim);
        assertThat(admin.state().scenarioState()).isEqualTo("outage");

        // WHEN the app calls CreateDispatch three times
        List<Integer> statuses = List.of(dispatch(sim), dispatch(sim), dispatch(sim));

        // THEN the first two fail, the outage ends with the second, the third works
        assertThat(statuses).containsExactly(503, 503, 200);
        assertThat(admin.state().scenarioState()).isEqualTo("recovered");
        assertThat(sim.journal().events(ScenarioStateChanged.class))
                .containsExactly(new ScenarioStateChanged("outage", "recovered", "recover-after-second-call"));
        assertThat(admin.twirpCalls("CreateDispatch", "r")).extracting(TwirpCall::status).containsExactly(503, 503, 200);
        assertThat(admin.rules()).extracting(RuleStatus::name, RuleStatus::fired)
                .containsExactly(tuple("recover-after-second-call", 1L), tuple("createdispatch-down", 2L));
    }

    @Test
    void should_move_the_state_and_journal_it_when_the_admin_sets_it() {
        // GIVEN the outage profile
        LiveKitSimulator sim = start(Profile.fromYaml(OUTAGE));
        SimulatorAdmin admin = adminFor(sim);

        // WHEN the state is set by hand, and then to a state the profile does not declare
        admin.setScenarioState("recovered");
        AdminException bad = catchThrowableOfType(AdminException.class, () -> admin.setScenarioState("down"));

        // THEN the calls go through at once; the bad state is refused listing the valid ones
        assertThat(dispatch(sim)).isEqualTo(200);
        assertThat(admin.state().scenarioState()).isEqualTo("recovered");
        assertThat(admin.journal(JournalQuery.of(ScenarioStateChanged.class))).extracting(e -> e.event())
                .containsExactly(new ScenarioStateChanged("outage", "recovered", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.getMessage()).isEqualTo("profile 'outage' has no state 'down'; its states: [outage, recovered]");
    }

    @Test
    void should_list_the_calls_of_one_method_for_one_room_when_verifying_calls() {
        // GIVEN an app that created two rooms and dispatched to one of them twice
        LiveKitSimulator sim = start(Profile.none());
        SimulatorAdmin admin = adminFor(sim);
        RoomApi app = new RoomApi(sim);
        app.createRoom("a", null);
        app.createRoom("b", null);
        app.createDispatch("a", "stt-agent", "");
        app.createDispatch("a", "tts-agent", "");

        // WHEN / THEN the query narrows by method and room; an unserved method is an error, not "no calls"
        assertThat(admin.twirpCalls("CreateDispatch", "a")).extracting(TwirpCall::room, c -> c.ids().get("agent"))
                .containsExactly(tuple("a", "stt-agent"), tuple("a", "tts-agent"));
        assertThat(admin.twirpCalls("CreateRoom", null)).extracting(TwirpCall::room).containsExactly("a", "b");
        assertThat(admin.twirpCalls(null, "b")).hasSize(1);
        AdminException typo = catchThrowableOfType(AdminException.class, () -> admin.twirpCalls("CreateDispach", null));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.getMessage()).startsWith("the simulator serves no Twirp method 'CreateDispach'; valid: CreateRoom");
    }

    @Test
    void should_load_a_bundled_profile_by_name_and_list_the_names_when_asked() {
        // GIVEN a simulator without a profile
        SimulatorAdmin admin = adminFor(start(Profile.none()));

        // WHEN a bundled profile is loaded by name, and an unknown name is tried
        var loaded = admin.loadBundledProfile("createdispatch-outage");
        AdminException unknown = catchThrowableOfType(AdminException.class, () -> admin.loadBundledProfile("late-delivry"));

        // THEN it is in force, with its text; the unknown name lists the bundled ones and suggests the near one
        assertThat(admin.bundledProfiles()).contains("late-delivery", "createdispatch-outage").hasSizeGreaterThanOrEqualTo(12);
        assertThat(loaded.name()).isEqualTo("createdispatch-outage");
        assertThat(admin.profile().orElseThrow().text()).contains("name: createdispatch-outage");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.getMessage()).startsWith("unknown bundled profile 'late-delivry' (did you mean 'late-delivery'?)");
    }

    @Test
    void should_mint_a_token_that_the_twirp_api_accepts_when_asked_for_grants() {
        // GIVEN a simulator
        LiveKitSimulator sim = start(Profile.none());

        // WHEN a token with roomList is minted and used for ListRooms, and one without it
        String token = adminFor(sim).mintToken(TokenRequest.of("", "roomList"));
        String noGrant = adminFor(sim).mintToken(TokenRequest.of("", "roomCreate"));
        HttpResponse<String> listed = http(sim).post("livekit.RoomService/ListRooms", TwirpHttp.NODE_CONTENT_TYPE,
                "{}".getBytes(StandardCharsets.UTF_8), "Bearer " + token);
        HttpResponse<String> denied = http(sim).post("livekit.RoomService/ListRooms", TwirpHttp.NODE_CONTENT_TYPE,
                "{}".getBytes(StandardCharsets.UTF_8), "Bearer " + noGrant);

        // THEN the first is served, the second refused as the real server refuses a missing grant
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(denied.statusCode()).isEqualTo(401);
        AdminException bad = catchThrowableOfType(AdminException.class,
                () -> adminFor(sim).mintToken(TokenRequest.of("", "roomlist")));
        assertThat(bad.getMessage()).startsWith("unknown grant 'roomlist'; valid: roomCreate, roomList");
    }

    private static int dispatch(LiveKitSimulator sim) {
        return twirp(sim, "livekit.AgentDispatchService/CreateDispatch", "{\"room\": \"r\", \"agent_name\": \"stt-agent\"}");
    }

    /** A JSON Twirp call with every grant these tests need, as a server SDK would make it; its HTTP status. */
    private static int twirp(LiveKitSimulator sim, String serviceMethod, String body) {
        return http(sim).json(serviceMethod, body, Map.of("roomCreate", true, "roomList", true, "roomAdmin", true,
                "room", "r")).statusCode();
    }

    private static TwirpHttp http(LiveKitSimulator sim) {
        return new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
    }
}
