package dev.dispatchsim.tests.admin;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.internal.admin.AdminJson;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import dev.dispatchsim.tests.support.RawAdminHttp;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API as bytes on the wire: content types, status codes and error bodies for every route. */
@Timeout(30)
class AdminHttpApiTest {

    private LiveKitSimulator sim;

    private RawAdminHttp start(boolean manualClock, String adminToken) {
        var builder = LiveKitSimulator.builder().seed(3).adminToken(adminToken);
        sim = (manualClock ? builder.clock(new ManualClock()) : builder).start();
        return new RawAdminHttp(sim.httpUrl());
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static Map<String, Object> json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return AdminJson.readMap(response.body());
    }

    @Test
    void should_answer_health_and_state_as_json_when_asked() {
        RawAdminHttp http = start(true, null);

        HttpResponse<String> health = http.call("GET", "/_sim/health");
        HttpResponse<String> state = http.call("GET", "/_sim/state");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health)).containsEntry("status", "ok").containsEntry("seed", 3).containsEntry("clock", "manual")
                .containsEntry("now", "2026-01-01T00:00:00Z");
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(json(state)).containsOnlyKeys("rooms", "workers", "registeredAgents", "scenarioState");
    }

    @Test
    void should_stream_json_lines_with_type_and_iso_times_when_reading_the_journal() {
        // GIVEN two joins
        RawAdminHttp http = start(true, null);
        http.json("POST", "/_sim/rooms/r1/participants/alice", "");
        http.json("POST", "/_sim/rooms/r1/participants/bob", "{\"name\":\"Bob\"}");

        // WHEN
        HttpResponse<String> joins = http.call("GET", "/_sim/journal?type=ParticipantJoined");
        long aliceSeq = AdminJson.readJournalLine(joins.body().lines().findFirst().orElseThrow()).seq();
        HttpResponse<String> later = http.call("GET", "/_sim/journal?type=ParticipantJoined&since=" + aliceSeq);

        // THEN one JSON object per line, newline-terminated, the event's type beside it
        assertThat(joins.statusCode()).isEqualTo(200);
        assertThat(joins.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        assertThat(joins.body()).endsWith("\n").hasLineCount(2);
        assertThat(joins.body().lines().findFirst().orElseThrow()).matches("\\{\"seq\":\\d+,\"virtualTime\":\"2026-01-01T00:00:00Z\","
                + "\"wallTime\":\"[^\"]+Z\",\"type\":\"ParticipantJoined\",\"event\":\\{\"room\":\"r1\",\"identity\":\"alice\",.*");
        assertThat(later.body()).hasLineCount(1).contains("\"identity\":\"bob\"");
    }

    @Test
    void should_write_applied_effects_and_twirp_calls_as_typed_json_when_faults_fire() {
        // GIVEN a profile that fails CreateRoom and holds every dispatch back 2.5 s
        RawAdminHttp http = start(true, null);
        http.call("PUT", "/_sim/profile", """
                name: typed
                rules:
                  - {name: down, at: twirp_request, match: {method: CreateRoom}, do: {type: fail, twirp: {code: unavailable, msg: try later}}}
                  - {name: late, at: dispatch_created, do: {type: delay, fixed: 2.5s}}
                """, "application/yaml", null);

        // WHEN the app's CreateRoom is refused, and a joining participant's token dispatches an agent
        HttpResponse<String> refused = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret())
                .json("livekit.RoomService/CreateRoom", "{\"name\":\"checkout\"}", TwirpHttp.roomCreate());
        http.json("POST", "/_sim/rooms/lobby/participants/alice", "{\"roomConfig\": {\"agents\": [{\"agentName\": \"stt\"}]}}");

        // THEN each effect is a value tagged with its type, and the call says what failed and why
        assertThat(refused.statusCode()).isEqualTo(503);
        String call = http.call("GET", "/_sim/journal/await?type=TwirpCall").body();
        List<String> faults = http.call("GET", "/_sim/journal?type=FaultApplied").body().lines().toList();
        assertThat(faults).hasSize(2);
        assertThat(faults.get(0)).contains("\"effect\":{\"type\":\"fail\",\"status\":503,\"code\":\"unavailable\",\"message\":\"try later\"}");
        assertThat(faults.get(1)).contains("\"effect\":{\"type\":\"delay\",\"by\":\"PT2.5S\"}");
        assertThat(call).contains("\"method\":\"CreateRoom\",\"room\":\"checkout\",\"ids\":{},\"status\":503,"
                + "\"code\":\"unavailable\",\"error\":\"try later\"");
        // AND read back, they are the very values the simulator journaled
        assertThat(faults.stream().map(line -> AdminJson.readJournalLine(line).event()).toList())
                .isEqualTo(sim.journal().events(FaultApplied.class));
        assertThat(AdminJson.readJournalLine(call).event()).isEqualTo(sim.journal().events(TwirpCall.class).get(0));
    }

    @Test
    void should_answer_200_with_the_entry_or_504_with_what_was_awaited_when_long_polling() {
        RawAdminHttp http = start(true, null);
        http.json("POST", "/_sim/rooms/r1/participants/alice", "");

        HttpResponse<String> found = http.call("GET", "/_sim/journal/await?type=ParticipantJoined&wait=2s");
        HttpResponse<String> missed = http.call("GET", "/_sim/journal/await?type=JobAssigned&since=1&timeout=50ms");
        HttpResponse<String> both = http.call("GET", "/_sim/journal/await?timeout=1s&wait=1s");

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found)).containsEntry("type", "ParticipantJoined");
        assertThat(missed.statusCode()).isEqualTo(504);
        assertThat(json(missed)).containsEntry("error", "timeout")
                .containsEntry("awaited", Map.of("types", java.util.List.of("JobAssigned"), "since", 1))
                .containsKey("lastSeq").containsEntry("timeoutMs", 50);
        assertThat(both.statusCode()).isEqualTo(400);
    }

    @Test
    void should_answer_400_naming_the_parameter_when_a_query_value_is_bad() {
        RawAdminHttp http = start(true, null);

        HttpResponse<String> unknownParam = http.call("GET", "/_sim/journal?sinc=3");
        HttpResponse<String> badSince = http.call("GET", "/_sim/journal?since=abc");
        HttpResponse<String> unknownType = http.call("GET", "/_sim/journal?type=Nope");
        HttpResponse<String> badDuration = http.call("POST", "/_sim/clock/advance?by=10");
        HttpResponse<String> missingBy = http.call("POST", "/_sim/clock/advance");
        HttpResponse<String> badCode = http.call("DELETE", "/_sim/workers/AW_x?code=abc");

        assertThat(unknownParam.statusCode()).isEqualTo(400);
        assertThat(json(unknownParam).get("message")).isEqualTo(
                "unknown query parameter 'sinc' for GET /_sim/journal; valid: since, type");
        assertThat(badSince.statusCode()).isEqualTo(400);
        assertThat(json(badSince).get("message")).isEqualTo("since: 'abc' is not a whole number");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(json(unknownType)).containsEntry("type", "Nope").containsKey("validValues");
        assertThat(badDuration.statusCode()).isEqualTo(400);
        assertThat((String) json(badDuration).get("message")).contains("by: '10' is not a duration (a unit is required)")
                .contains("10s, 2m30s, 500ms, 1.5s, 0 or PT10S");
        assertThat(missingBy.statusCode()).isEqualTo(400);
        assertThat((String) json(missingBy).get("message")).contains("'by' is required");
        assertThat(badCode.statusCode()).isEqualTo(400);
    }

    @Test
    void should_answer_409_when_advancing_a_system_clock_and_200_with_the_time_on_a_manual_one() {
        HttpResponse<String> refused = start(false, null).call("POST", "/_sim/clock/advance?by=10s");
        stop();
        HttpResponse<String> advanced = start(true, null).call("POST", "/_sim/clock/advance?by=1.5s");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused)).containsEntry("error", "clock_not_manual").containsEntry("clock", "system");
        assertThat(advanced.statusCode()).isEqualTo(200);
        assertThat(json(advanced)).isEqualTo(Map.of("manual", true, "now", "2026-01-01T00:00:01.500Z"));
    }

    @Test
    void should_put_get_and_delete_the_fault_profile_when_the_simulator_serves_it() {
        RawAdminHttp http = start(true, null);

        HttpResponse<String> put = http.call("PUT", "/_sim/profile?name=late.yaml",
                "name: late\nrules:\n  - name: r\n    at: job_assignment\n    do: {type: delay, fixed: 2s}\n",
                "application/yaml", null);
        HttpResponse<String> got = http.call("GET", "/_sim/profile");
        HttpResponse<String> badHook = http.call("PUT", "/_sim/profile?name=typo.yaml",
                "name: typo\nrules:\n  - name: r\n    at: job_asignment\n    do: drop\n", "application/yaml", null);
        HttpResponse<String> stillThere = http.call("GET", "/_sim/profile");
        HttpResponse<String> delete = http.call("DELETE", "/_sim/profile");
        HttpResponse<String> gone = http.call("GET", "/_sim/profile");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(json(put)).containsEntry("loaded", true).containsEntry("name", "late").containsEntry("source", "late.yaml");
        assertThat(json(got)).containsEntry("loaded", true).containsEntry("name", "late");
        assertThat(badHook.statusCode()).isEqualTo(400);
        assertThat(json(badHook)).containsEntry("error", "invalid_profile").containsEntry("file", "typo.yaml")
                .containsEntry("line", 4).containsEntry("column", 9);
        assertThat(badHook.body()).contains("job_asignment").contains("job_assignment");
        assertThat(json(stillThere)).containsEntry("name", "late");
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(json(gone)).containsEntry("loaded", false).containsOnlyKeys("loaded", "bundled");
    }

    @Test
    void should_answer_400_with_line_and_column_when_a_profile_is_invalid() {
        // GIVEN a simulator
        sim = LiveKitSimulator.builder().start();
        RawAdminHttp http = new RawAdminHttp(sim.httpUrl());

        HttpResponse<String> put = http.call("PUT", "/_sim/profile?name=bad.yaml", "name: x\nrules: [\n", "application/yaml", null);
        HttpResponse<String> empty = http.call("PUT", "/_sim/profile", "", "application/yaml", null);
        HttpResponse<String> good = http.call("PUT", "/_sim/profile", "{\"name\": \"ok\", \"rules\": []}", "application/json", null);

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(json(put)).containsEntry("error", "invalid_profile").containsEntry("file", "bad.yaml")
                .containsEntry("line", 3).containsEntry("column", 1)
                .containsEntry("message", "bad.yaml:3:1: not valid YAML: expected the node content, but found '<stream end>'"
                        + " (while parsing a flow node that starts at line 3, column 1)");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(json(good)).containsEntry("loaded", true).containsEntry("name", "ok").containsEntry("source", "<inline>");
    }

    @Test
    void should_join_with_every_body_field_and_answer_400_with_the_location_when_the_body_is_bad() {
        RawAdminHttp http = start(true, null);

        HttpResponse<String> joined = http.json("POST", "/_sim/rooms/my%20room/participants/sip%2Bcaller", """
                {"name": "Caller", "metadata": "{}", "attributes": {"a": "1"}, "kind": "SIP",
                 "roomConfig": {"emptyTimeout": 30, "agents": [{"agentName": "stt", "metadata": "m"}]}}""");
        HttpResponse<String> malformed = http.json("POST", "/_sim/rooms/r/participants/p", "{\n  \"name\": }");
        HttpResponse<String> unknownField = http.json("POST", "/_sim/rooms/r/participants/p", "{\"nmae\": \"x\"}");
        HttpResponse<String> badKind = http.json("POST", "/_sim/rooms/r/participants/p", "{\"kind\": \"ROBOT\"}");

        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(json(joined)).containsEntry("identity", "sip+caller").containsEntry("kind", "SIP").containsEntry("name", "Caller");
        assertThat(sim.admin().state().rooms()).singleElement().satisfies(room -> {
            assertThat(room.room().name()).isEqualTo("my room");
            assertThat(room.room().emptyTimeout()).isEqualTo(30);
            assertThat(room.dispatches()).singleElement().satisfies(d -> assertThat(d.reported().agentName()).isEqualTo("stt"));
        });
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed)).containsEntry("error", "invalid_body").containsEntry("line", 2);
        assertThat((String) json(malformed).get("message")).startsWith("body:2:");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat((String) json(unknownField).get("message")).contains("unknown field 'nmae'")
                .contains("attributes, kind, metadata, name, roomConfig");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat((String) json(badKind).get("message")).contains("'ROBOT' is not a valid kind").contains("STANDARD, INGRESS");
    }

    @Test
    void should_answer_204_on_removal_and_404_for_an_unknown_room() {
        RawAdminHttp http = start(true, null);
        http.json("POST", "/_sim/rooms/r1/participants/alice", "");

        HttpResponse<String> removed = http.call("DELETE", "/_sim/rooms/r1/participants/alice");
        HttpResponse<String> unknownRoom = http.call("DELETE", "/_sim/rooms/nope/participants/alice");

        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(removed.body()).isEmpty();
        assertThat(unknownRoom.statusCode()).isEqualTo(404);
        assertThat(json(unknownRoom)).containsEntry("error", "not_found");
    }

    @Test
    void should_answer_204_on_reset_and_list_workers_as_a_json_array() {
        RawAdminHttp http = start(true, null);

        HttpResponse<String> reset = http.call("POST", "/_sim/reset");
        HttpResponse<String> workers = http.call("GET", "/_sim/workers");
        HttpResponse<String> kill = http.call("DELETE", "/_sim/workers/AW_none");

        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(workers.statusCode()).isEqualTo(200);
        assertThat(workers.body()).isEqualTo("[]");
        assertThat(kill.statusCode()).isEqualTo(404);
    }

    @Test
    void should_answer_404_listing_routes_for_an_unknown_path_and_405_with_allow_for_a_wrong_method() {
        RawAdminHttp http = start(true, null);

        HttpResponse<String> unknown = http.call("GET", "/_sim/nope");
        HttpResponse<String> wrongMethod = http.call("POST", "/_sim/health");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat((String) json(unknown).get("message")).contains("no admin route GET /_sim/nope").contains("GET /_sim/health");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void should_require_the_admin_token_on_every_admin_route_but_health_and_leave_livekit_auth_to_jwt_when_a_token_is_set() {
        // GIVEN a simulator with an admin token
        RawAdminHttp http = start(true, "s3cret");

        // WHEN
        HttpResponse<String> missing = http.call("GET", "/_sim/state");
        HttpResponse<String> health = http.call("GET", "/_sim/health");
        HttpResponse<String> wrong = http.withHeaders("GET", "/_sim/state", "X-Admin-Token", "guess");
        HttpResponse<String> unknownRoute = http.call("GET", "/_sim/nope");
        HttpResponse<String> bearer = http.withHeaders("GET", "/_sim/state", "Authorization", "Bearer s3cret");
        HttpResponse<String> header = http.withHeaders("POST", "/_sim/reset", "X-Admin-Token", "s3cret");
        HttpResponse<String> twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret())
                .json("livekit.RoomService/ListRooms", "{}", TwirpHttp.roomList());

        // THEN
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"dispatchsim admin\"");
        assertThat((String) json(missing).get("message")).contains("Authorization: Bearer <token>").contains("X-Admin-Token")
                .contains("DISPATCHSIM_ADMIN_TOKEN");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat((String) json(wrong).get("message")).startsWith("the admin token does not match");
        assertThat(unknownRoute.statusCode()).isEqualTo(401);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(header.statusCode()).isEqualTo(204);
        assertThat(twirp.statusCode()).isEqualTo(200);
    }
}
