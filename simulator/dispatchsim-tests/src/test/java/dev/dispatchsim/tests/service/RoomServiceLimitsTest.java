package dev.dispatchsim.tests.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static dev.dispatchsim.tests.support.TwirpAnswers.okJson;
import static dev.dispatchsim.tests.support.TwirpAnswers.twirpError;
import static org.assertj.core.api.Assertions.assertThat;

/** The limit rows (room name 256 bytes, metadata 512 KiB, attributes 64 KiB), worded per handler as the real server. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 11)
class RoomServiceLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int METADATA_LIMIT = 512 * 1024;

    private TwirpHttp twirp;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
    }

    private static String body(Map<String, Object> fields) {
        ObjectNode node = JSON.valueToTree(fields);
        return node.toString();
    }

    private static void assertLimitError(JsonNode error, String argument) {
        assertThat(error.get("meta").get("argument").asText()).isEqualTo(argument);
    }

    @Test
    void should_answer_invalid_argument_when_the_room_name_is_longer_than_256_bytes() {
        // GIVEN / WHEN a 257-byte name (and a 256-byte one)
        String tooLong = "r".repeat(257);

        // THEN the long one fails with the wrapped psrpc wording, the other is created
        twirpError(twirp.json("livekit.RoomService/CreateRoom", body(Map.of("name", tooLong)), TwirpHttp.roomCreate()),
                400, "invalid_argument", "twirp error unknown: room name length exceeds limits: max length 256");
        assertThat(okJson(twirp.json("livekit.RoomService/CreateRoom", body(Map.of("name", "r".repeat(256))),
                TwirpHttp.roomCreate())).get("name").asText()).hasSize(256);
    }

    @Test
    void should_count_bytes_not_characters_when_the_room_name_is_not_ascii() {
        // GIVEN / WHEN 129 two-byte characters: 258 bytes, as Go's len counts
        String name = "é".repeat(129);

        // THEN it is too long
        twirpError(twirp.json("livekit.RoomService/CreateRoom", body(Map.of("name", name)), TwirpHttp.roomCreate()),
                400, "invalid_argument", "twirp error unknown: room name length exceeds limits: max length 256");
    }

    @Test
    void should_answer_invalid_argument_with_the_limit_when_room_metadata_is_over_512_kib() {
        // GIVEN / WHEN CreateRoom with metadata one byte over
        String metadata = "m".repeat(METADATA_LIMIT + 1);

        // THEN a Twirp invalid_argument with the limit in msg and the text in meta
        JsonNode error = twirpError(twirp.json("livekit.RoomService/CreateRoom",
                body(Map.of("name", "room-a", "metadata", metadata)), TwirpHttp.roomCreate()),
                400, "invalid_argument", "metadata size exceeds limits 524288");
        assertLimitError(error, "metadata size exceeds limits");
    }

    @Test
    void should_answer_invalid_argument_when_an_agents_metadata_is_over_512_kib() {
        // GIVEN / WHEN one agent entry with oversized metadata
        String request = body(Map.of("name", "room-a", "agents",
                java.util.List.of(Map.of("agentName", "a1", "metadata", "m".repeat(METADATA_LIMIT + 1)))));

        // THEN refused before the room exists
        twirpError(twirp.json("livekit.RoomService/CreateRoom", request, TwirpHttp.roomCreate()),
                400, "invalid_argument", "metadata size exceeds limits 524288");
        assertThat(okJson(twirp.json("livekit.RoomService/ListRooms", "{}", TwirpHttp.roomList())).get("rooms")).isEmpty();
    }

    @Test
    void should_check_update_room_metadata_size_before_the_grant_when_it_is_over_512_kib() {
        // GIVEN / WHEN oversized metadata with a token for another room
        String request = body(Map.of("room", "room-a", "metadata", "m".repeat(METADATA_LIMIT + 1)));

        // THEN the limit answers first, as in the real handler
        twirpError(twirp.json("livekit.RoomService/UpdateRoomMetadata", request, TwirpHttp.roomAdmin("other")),
                400, "invalid_argument", "metadata size exceeds limits 524288");
    }

    @Test
    void should_answer_invalid_argument_when_update_participant_name_is_over_256_bytes(LiveKitSimulator sim) {
        // GIVEN a participant
        sim.admin().addParticipant("room-a", "alice", SimParticipant.human());

        // WHEN its name is set to 257 bytes
        JsonNode error = twirpError(twirp.json("livekit.RoomService/UpdateParticipant",
                body(Map.of("room", "room-a", "identity", "alice", "name", "n".repeat(257))),
                TwirpHttp.roomAdmin("room-a")), 400, "invalid_argument", "name length exceeds limits 256");

        // THEN the error carries the argument, as twirp.InvalidArgumentError does
        assertLimitError(error, "name length exceeds limits");
    }

    @Test
    void should_answer_invalid_argument_when_update_participant_attributes_are_over_64_kib(LiveKitSimulator sim) {
        // GIVEN a participant
        sim.admin().addParticipant("room-a", "alice", SimParticipant.human());

        // WHEN attributes of 64 KiB + 1 byte (keys and values counted) are set
        String request = body(Map.of("room", "room-a", "identity", "alice",
                "attributes", Map.of("k", "v".repeat(64 * 1024))));

        // THEN refused
        twirpError(twirp.json("livekit.RoomService/UpdateParticipant", request, TwirpHttp.roomAdmin("room-a")),
                400, "invalid_argument", "attribute size exceeds limits 65536");
    }

    @Test
    void should_answer_invalid_argument_when_the_room_preset_is_unknown_and_the_room_is_new() {
        // GIVEN / WHEN a preset (the simulator configures none) for a new room
        twirpError(twirp.json("livekit.RoomService/CreateRoom", "{\"name\":\"room-a\",\"roomPreset\":\"big\"}",
                TwirpHttp.roomCreate()), 400, "invalid_argument",
                "twirp error unknown: unknown room configuration in create room request");
    }

    @Test
    void should_ignore_the_room_preset_when_the_room_is_already_live() {
        // GIVEN a live room
        String sid = okJson(twirp.json("livekit.RoomService/CreateRoom", "{\"name\":\"room-a\"}", TwirpHttp.roomCreate()))
                .get("sid").asText();

        // WHEN CreateRoom names an unknown preset for it
        JsonNode again = okJson(twirp.json("livekit.RoomService/CreateRoom", "{\"name\":\"room-a\",\"roomPreset\":\"big\"}",
                TwirpHttp.roomCreate()));

        // THEN the live room is returned before the preset is ever looked up
        assertThat(again.get("sid").asText()).isEqualTo(sid);
    }
}
