package dev.dispatchsim.tests.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static dev.dispatchsim.tests.support.TwirpAnswers.okJson;
import static dev.dispatchsim.tests.support.TwirpAnswers.twirpError;
import static org.assertj.core.api.Assertions.assertThat;

/** CreateRoom, ListRooms, DeleteRoom and UpdateRoomMetadata over HTTP, as the Node SDK sends them. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 11)
class RoomServiceRoomsTest {

    private TwirpHttp twirp;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
    }

    private JsonNode createRoom(String body) {
        return okJson(twirp.json("livekit.RoomService/CreateRoom", body, TwirpHttp.roomCreate()));
    }

    private List<String> roomNames(String body) {
        List<String> names = new ArrayList<>();
        okJson(twirp.json("livekit.RoomService/ListRooms", body, TwirpHttp.roomList())).get("rooms")
                .forEach(room -> names.add(room.get("name").asText()));
        return names;
    }

    @Test
    void should_apply_the_server_defaults_when_create_room_gives_only_a_name() {
        // GIVEN / WHEN CreateRoom with just a name
        JsonNode room = createRoom("{\"name\":\"room-a\"}");

        // THEN the real server's defaults and JSON shape come back
        assertThat(room.get("sid").asText()).matches("RM_[2-9A-HJ-NP-Za-km-z]{12}");
        assertThat(room.get("name").asText()).isEqualTo("room-a");
        assertThat(room.get("empty_timeout").asInt()).isEqualTo(300);
        assertThat(room.get("departure_timeout").asInt()).isEqualTo(20);
        assertThat(room.get("max_participants").asInt()).isZero();
        assertThat(room.get("creation_time").isTextual()).isTrue();
        assertThat(room.get("creation_time_ms").asLong() / 1000).isEqualTo(room.get("creation_time").asLong());
        assertThat(room.get("version").isNull()).isTrue();
        assertThat(room.get("enabled_codecs").get(0).get("mime").asText()).isEqualTo("audio/PCMU");
        assertThat(room.get("metadata").asText()).isEmpty();
        assertThat(room.get("num_participants").asInt()).isZero();
    }

    @Test
    void should_use_the_requested_values_when_create_room_sets_them() {
        // GIVEN / WHEN CreateRoom with timeouts, a limit and metadata (camelCase, as Node sends)
        JsonNode room = createRoom("{\"name\":\"room-a\",\"emptyTimeout\":60,\"departureTimeout\":5,"
                + "\"maxParticipants\":3,\"metadata\":\"m1\"}");

        // THEN they are stored and echoed with proto names
        assertThat(room.get("empty_timeout").asInt()).isEqualTo(60);
        assertThat(room.get("departure_timeout").asInt()).isEqualTo(5);
        assertThat(room.get("max_participants").asInt()).isEqualTo(3);
        assertThat(room.get("metadata").asText()).isEqualTo("m1");
    }

    @Test
    void should_return_the_live_room_unchanged_when_create_room_is_called_again() {
        // GIVEN a live room with one explicit dispatch
        JsonNode first = createRoom("{\"name\":\"room-a\",\"emptyTimeout\":60,\"agents\":[{\"agentName\":\"a1\"}]}");

        // WHEN CreateRoom is called again with other values and another agent
        JsonNode second = createRoom("{\"name\":\"room-a\",\"emptyTimeout\":90,\"metadata\":\"new\","
                + "\"agents\":[{\"agentName\":\"a2\"}]}");

        // THEN the same room comes back, nothing updated, no dispatch added
        assertThat(second.get("sid").asText()).isEqualTo(first.get("sid").asText());
        assertThat(second.get("empty_timeout").asInt()).isEqualTo(60);
        assertThat(second.get("metadata").asText()).isEmpty();
        JsonNode dispatches = okJson(twirp.json("livekit.AgentDispatchService/ListDispatch", "{\"room\":\"room-a\"}",
                TwirpHttp.roomAdmin("room-a"))).get("agent_dispatches");
        assertThat(dispatches).hasSize(1);
        assertThat(dispatches.get(0).get("agent_name").asText()).isEqualTo("a1");
    }

    @Test
    void should_store_agents_as_the_rooms_dispatches_when_create_room_has_agents() {
        // GIVEN / WHEN a room with two agents, and one without
        createRoom("{\"name\":\"room-a\",\"agents\":[{\"agentName\":\"a1\",\"metadata\":\"x\"},{\"agentName\":\"a2\"}]}");
        createRoom("{\"name\":\"room-b\"}");

        // THEN room-a has exactly those dispatches; room-b has the implicit empty-name one
        JsonNode a = okJson(twirp.json("livekit.AgentDispatchService/ListDispatch", "{\"room\":\"room-a\"}",
                TwirpHttp.roomAdmin("room-a"))).get("agent_dispatches");
        assertThat(a).extracting(d -> d.get("agent_name").asText()).containsExactlyInAnyOrder("a1", "a2");
        assertThat(a).allSatisfy(d -> assertThat(d.get("id").asText()).startsWith("AD_"));
        JsonNode b = okJson(twirp.json("livekit.AgentDispatchService/ListDispatch", "{\"room\":\"room-b\"}",
                TwirpHttp.roomAdmin("room-b"))).get("agent_dispatches");
        assertThat(b).extracting(d -> d.get("agent_name").asText()).containsExactly("");
    }

    @Test
    void should_filter_by_names_when_list_rooms_has_names() {
        // GIVEN two rooms
        createRoom("{\"name\":\"room-a\"}");
        createRoom("{\"name\":\"room-b\"}");

        // WHEN / THEN ListRooms lists all, or only the named ones
        assertThat(roomNames("{}")).containsExactlyInAnyOrder("room-a", "room-b");
        assertThat(roomNames("{\"names\":[\"room-b\",\"nope\"]}")).containsExactly("room-b");
        assertThat(roomNames("{\"names\":[\"nope\"]}")).isEmpty();
    }

    @Test
    void should_remove_the_room_and_answer_an_empty_object_when_delete_room_succeeds() {
        // GIVEN a room
        createRoom("{\"name\":\"room-a\"}");

        // WHEN it is deleted
        JsonNode answer = okJson(twirp.json("livekit.RoomService/DeleteRoom", "{\"room\":\"room-a\"}",
                TwirpHttp.roomCreate()));

        // THEN the answer is {} and the room is gone
        assertThat(answer.isObject()).isTrue();
        assertThat(answer.size()).isZero();
        assertThat(roomNames("{}")).isEmpty();
    }

    @Test
    void should_answer_not_found_when_delete_room_names_an_unknown_room() {
        // GIVEN / WHEN DeleteRoom for a room that never existed
        // THEN 404 with the psrpc prefix the real server adds
        twirpError(twirp.json("livekit.RoomService/DeleteRoom", "{\"room\":\"nope\"}", TwirpHttp.roomCreate()),
                404, "not_found", "twirp error unknown: requested room does not exist");
    }

    @Test
    void should_return_the_updated_room_when_update_room_metadata_succeeds() {
        // GIVEN a room
        String sid = createRoom("{\"name\":\"room-a\"}").get("sid").asText();

        // WHEN its metadata is updated
        JsonNode room = okJson(twirp.json("livekit.RoomService/UpdateRoomMetadata",
                "{\"room\":\"room-a\",\"metadata\":\"v2\"}", TwirpHttp.roomAdmin("room-a")));

        // THEN the same room comes back with the new metadata, and ListRooms agrees
        assertThat(room.get("sid").asText()).isEqualTo(sid);
        assertThat(room.get("metadata").asText()).isEqualTo("v2");
        JsonNode listed = okJson(twirp.json("livekit.RoomService/ListRooms", "{}", TwirpHttp.roomList()));
        assertThat(listed.get("rooms").get(0).get("metadata").asText()).isEqualTo("v2");
    }

    @Test
    void should_answer_not_found_when_update_room_metadata_names_an_unknown_room() {
        // GIVEN / WHEN / THEN
        twirpError(twirp.json("livekit.RoomService/UpdateRoomMetadata", "{\"room\":\"nope\",\"metadata\":\"x\"}",
                TwirpHttp.roomAdmin("nope")), 404, "not_found", "twirp error unknown: requested room does not exist");
    }
}
