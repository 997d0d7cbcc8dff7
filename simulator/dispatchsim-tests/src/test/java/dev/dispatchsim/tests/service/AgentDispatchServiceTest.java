package dev.dispatchsim.tests.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Instant;

import static dev.dispatchsim.tests.support.TwirpAnswers.okJson;
import static dev.dispatchsim.tests.support.TwirpAnswers.twirpError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CreateDispatch, ListDispatch and DeleteDispatch over HTTP, with bodies shaped like the Node SDK's captures.
 * A call for a room that is not live is answered 503 after 3 s of simulated time: {@link VirtualTime#call}.
 */
@Timeout(30)
@LiveKitSimulatorTest(seed = 11, clock = ClockMode.MANUAL)
class AgentDispatchServiceTest {

    private static final String NO_RESPONSE = "twirp error unknown: no response from servers";

    private TwirpHttp twirp;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
    }

    private HttpResponse<String> call(String method, String body) {
        return twirp.json("livekit.AgentDispatchService/" + method, body, TwirpHttp.roomAdmin("room-a"));
    }

    private JsonNode createDispatch(String agentName) {
        return okJson(call("CreateDispatch", "{\"agentName\":\"" + agentName + "\",\"room\":\"room-a\","
                + "\"metadata\":\"{\\\"user\\\":\\\"u1\\\"}\"}"));
    }

    @Test
    void should_create_the_room_and_return_the_dispatch_when_the_room_does_not_exist() {
        // GIVEN no room-a
        // WHEN a dispatch is created for it
        JsonNode dispatch = createDispatch("stt-agent");

        // THEN the dispatch comes back at once with empty jobs and a nanosecond created_at, and the room exists
        assertThat(dispatch.get("id").asText()).matches("AD_[2-9A-HJ-NP-Za-km-z]{12}");
        assertThat(dispatch.get("agent_name").asText()).isEqualTo("stt-agent");
        assertThat(dispatch.get("room").asText()).isEqualTo("room-a");
        assertThat(dispatch.get("metadata").asText()).isEqualTo("{\"user\":\"u1\"}");
        assertThat(dispatch.get("state").get("jobs")).isEmpty();
        assertThat(dispatch.get("state").get("created_at").asText()).hasSizeGreaterThanOrEqualTo(19);
        assertThat(dispatch.get("state").get("deleted_at").asText()).isEqualTo("0");
        JsonNode rooms = okJson(twirp.json("livekit.RoomService/ListRooms", "{}", TwirpHttp.roomList())).get("rooms");
        assertThat(rooms).extracting(r -> r.get("name").asText()).containsExactly("room-a");
    }

    @Test
    void should_filter_by_dispatch_id_when_list_dispatch_has_one() {
        // GIVEN the implicit dispatch (room created by the first CreateDispatch) and two explicit ones
        String first = createDispatch("a1").get("id").asText();
        createDispatch("a2");

        // WHEN the room's dispatches are listed, then one by id (Node's getDispatch), then an unknown id
        JsonNode all = okJson(call("ListDispatch", "{\"room\":\"room-a\"}")).get("agent_dispatches");
        JsonNode one = okJson(call("ListDispatch", "{\"dispatchId\":\"" + first + "\",\"room\":\"room-a\"}"))
                .get("agent_dispatches");
        JsonNode none = okJson(call("ListDispatch", "{\"dispatchId\":\"AD_nope\",\"room\":\"room-a\"}"))
                .get("agent_dispatches");

        // THEN
        assertThat(all).extracting(d -> d.get("agent_name").asText()).contains("a1", "a2");
        assertThat(one).extracting(d -> d.get("id").asText()).containsExactly(first);
        assertThat(none).isEmpty();
    }

    @Test
    void should_return_and_remove_the_dispatch_when_delete_dispatch_names_it() {
        // GIVEN a dispatch
        String id = createDispatch("a1").get("id").asText();

        // WHEN it is deleted
        JsonNode deleted = okJson(call("DeleteDispatch", "{\"dispatchId\":\"" + id + "\",\"room\":\"room-a\"}"));

        // THEN it comes back, is no longer listed, and a second delete is not_found
        assertThat(deleted.get("id").asText()).isEqualTo(id);
        JsonNode left = okJson(call("ListDispatch", "{\"room\":\"room-a\"}")).get("agent_dispatches");
        assertThat(left).extracting(d -> d.get("id").asText()).doesNotContain(id);
        twirpError(call("DeleteDispatch", "{\"dispatchId\":\"" + id + "\",\"room\":\"room-a\"}"), 404, "not_found",
                "twirp error unknown: dispatch ID not found");
    }

    @Test
    void should_answer_unavailable_after_3_seconds_when_list_or_delete_dispatch_targets_a_room_that_is_not_live(
            VirtualTime time) {
        // GIVEN / WHEN dispatch calls for a room that does not exist
        Instant asked = time.now();
        HttpResponse<String> listed = time.call(() -> call("ListDispatch", "{\"room\":\"room-a\"}"));
        HttpResponse<String> deleted = time.call(() -> call("DeleteDispatch", "{\"dispatchId\":\"AD_x\",\"room\":\"room-a\"}"));

        // THEN both are 503 unavailable, as the real server's internal RPC finds no room handler, each after
        // its 3 s of retries (simulated time: no wall-clock wait)
        twirpError(listed, 503, "unavailable", NO_RESPONSE);
        twirpError(deleted, 503, "unavailable", NO_RESPONSE);
        assertThat(time.now()).isEqualTo(asked.plusSeconds(6));
    }

    @Test
    void should_answer_unavailable_when_the_room_was_deleted(VirtualTime time) {
        // GIVEN a room that existed and was deleted
        createDispatch("a1");
        okJson(twirp.json("livekit.RoomService/DeleteRoom", "{\"room\":\"room-a\"}", TwirpHttp.roomCreate()));

        // WHEN / THEN its dispatches can no longer be listed
        twirpError(time.call(() -> call("ListDispatch", "{\"room\":\"room-a\"}")), 503, "unavailable", NO_RESPONSE);
    }

    @Test
    void should_create_the_room_named_empty_when_create_dispatch_names_room_empty() {
        // GIVEN / WHEN a dispatch for room "" (measured on livekit-server: the room is auto-created, as any other)
        JsonNode dispatch = okJson(twirp.json("livekit.AgentDispatchService/CreateDispatch",
                "{\"agentName\":\"a1\",\"room\":\"\"}", TwirpHttp.roomAdmin("")));

        // THEN the dispatch and room "" exist
        assertThat(dispatch.get("room").asText()).isEmpty();
        JsonNode rooms = okJson(twirp.json("livekit.RoomService/ListRooms", "{}", TwirpHttp.roomList())).get("rooms");
        assertThat(rooms).extracting(r -> r.get("name").asText()).containsExactly("");
    }

    @Test
    void should_answer_a_bare_psrpc_invalid_argument_when_create_dispatch_metadata_is_over_512_kib(VirtualTime time) {
        // GIVEN / WHEN oversized dispatch metadata
        String body = "{\"agentName\":\"a1\",\"room\":\"room-a\",\"metadata\":\"" + "m".repeat(512 * 1024 + 1) + "\"}";

        // THEN unlike CreateRoom's: prefixed, no limit in msg, no meta; and no room was created
        JsonNode error = twirpError(call("CreateDispatch", body), 400, "invalid_argument",
                "twirp error unknown: metadata size exceeds limits");
        assertThat(error.has("meta")).isFalse();
        twirpError(time.call(() -> call("ListDispatch", "{\"room\":\"room-a\"}")), 503, "unavailable", NO_RESPONSE);
    }

    @Test
    void should_answer_invalid_argument_when_the_deployment_has_an_underscore() {
        // GIVEN / WHEN / THEN protocol's ValidateDeployment wording
        twirpError(call("CreateDispatch", "{\"agentName\":\"a1\",\"room\":\"room-a\",\"deployment\":\"prod_eu\"}"),
                400, "invalid_argument", "twirp error unknown: deployment contains reserved character '_'");
        twirpError(call("CreateDispatch", "{\"agentName\":\"a1\",\"room\":\"room-a\",\"deployment\":\"a b\"}"),
                400, "invalid_argument",
                "twirp error unknown: deployment contains whitespace or control byte at position 1");
    }
}
