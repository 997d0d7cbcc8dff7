package dev.dispatchsim.internal.twirp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dispatchsim.internal.model.ApiException;
import dev.dispatchsim.proto.AgentDispatch;
import dev.dispatchsim.proto.AgentDispatchState;
import dev.dispatchsim.proto.CreateRoomRequest;
import dev.dispatchsim.proto.DeleteRoomResponse;
import dev.dispatchsim.proto.Job;
import dev.dispatchsim.proto.JobState;
import dev.dispatchsim.proto.JobStatus;
import dev.dispatchsim.proto.ListRoomsRequest;
import dev.dispatchsim.proto.Room;
import dev.dispatchsim.proto.TimedVersion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwirpCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException notJson) {
            throw new AssertionError("not JSON: " + json, notJson);
        }
    }

    private static JsonNode json(com.google.protobuf.Message message) {
        return tree(new String(TwirpCodec.encode(message, WireFormat.JSON), StandardCharsets.UTF_8));
    }

    @Test
    void should_write_null_for_an_unset_singular_message_when_printing_json() {
        // GIVEN a Room without a version, as the real server never sets one
        Room room = Room.newBuilder().setSid("RM_x").setName("r").setCreationTime(1_795_680_793L).build();

        // WHEN it is written as Twirp JSON
        JsonNode body = json(room);

        // THEN version is an explicit null, defaults are present, names are snake_case, int64 is a string
        assertThat(body.has("version")).isTrue();
        assertThat(body.get("version").isNull()).isTrue();
        assertThat(body.get("creation_time").asText()).isEqualTo("1795680793");
        assertThat(body.get("creation_time").isTextual()).isTrue();
        assertThat(body.get("num_participants").asInt()).isZero();
        assertThat(body.get("enabled_codecs").isArray()).isTrue();
        assertThat(body.get("active_recording").asBoolean(true)).isFalse();
    }

    @Test
    void should_keep_a_set_message_as_an_object_when_it_is_present() {
        // GIVEN a Room whose version is set
        Room room = Room.newBuilder().setVersion(TimedVersion.newBuilder().setUnixMicro(5)).build();

        // WHEN it is written
        JsonNode body = json(room);

        // THEN the version is an object with its own defaults
        assertThat(body.get("version").get("unix_micro").asText()).isEqualTo("5");
        assertThat(body.get("version").get("ticks").asInt()).isZero();
    }

    @Test
    void should_leave_out_proto3_optional_messages_and_fill_nested_ones_when_printing_a_dispatch() {
        // GIVEN a dispatch with a JT_ROOM job: no participant (proto3 optional), a room without version
        Job job = Job.newBuilder().setId("AJ_1").setRoom(Room.newBuilder().setName("r"))
                .setState(JobState.newBuilder().setStatus(JobStatus.JS_RUNNING).setStartedAt(1_000_000_000L)).build();
        AgentDispatch dispatch = AgentDispatch.newBuilder().setId("AD_1")
                .setState(AgentDispatchState.newBuilder().addJobs(job)).build();

        // WHEN it is written
        JsonNode printed = json(dispatch).get("state").get("jobs").get(0);

        // THEN participant is absent, the nested room's version is null, enums are names
        assertThat(printed.has("participant")).isFalse();
        assertThat(printed.get("room").get("version").isNull()).isTrue();
        assertThat(printed.get("state").get("status").asText()).isEqualTo("JS_RUNNING");
        assertThat(printed.get("state").get("started_at").asText()).isEqualTo("1000000000");
        assertThat(printed.get("type").asText()).isEqualTo("JT_ROOM");
    }

    @Test
    void should_write_an_empty_object_when_the_response_has_no_fields() {
        // GIVEN / WHEN an empty response is written
        String body = new String(TwirpCodec.encode(DeleteRoomResponse.getDefaultInstance(), WireFormat.JSON),
                StandardCharsets.UTF_8);

        // THEN it is {}
        assertThat(body).isEqualTo("{}");
    }

    @Test
    void should_read_camel_case_and_snake_case_and_ignore_unknown_fields_when_decoding_json() {
        // GIVEN the same request in both name styles, with an unknown field
        byte[] camel = "{\"name\":\"r\",\"emptyTimeout\":60,\"futureField\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8);
        byte[] snake = "{\"name\":\"r\",\"empty_timeout\":60,\"future_field\":[1]}".getBytes(StandardCharsets.UTF_8);

        // WHEN both are decoded
        CreateRoomRequest fromCamel = TwirpCodec.decode(camel, WireFormat.JSON, CreateRoomRequest.getDefaultInstance());
        CreateRoomRequest fromSnake = TwirpCodec.decode(snake, WireFormat.JSON, CreateRoomRequest.getDefaultInstance());

        // THEN they are equal
        assertThat(fromCamel.getEmptyTimeout()).isEqualTo(60);
        assertThat(fromSnake).isEqualTo(fromCamel);
    }

    @Test
    void should_decode_a_zero_byte_body_as_defaults_when_it_is_protobuf() {
        // GIVEN / WHEN a 0-byte protobuf body (the Java SDK's ListRooms without names)
        ListRoomsRequest request = TwirpCodec.decode(new byte[0], WireFormat.PROTOBUF, ListRoomsRequest.getDefaultInstance());

        // THEN it is the default message
        assertThat(request).isEqualTo(ListRoomsRequest.getDefaultInstance());
    }

    @Test
    void should_fail_as_malformed_when_a_json_body_is_empty() {
        // GIVEN / WHEN / THEN an empty JSON body is not a JSON value: malformed, as the real decoder says
        assertThatThrownBy(() -> TwirpCodec.decode(new byte[0], WireFormat.JSON, ListRoomsRequest.getDefaultInstance()))
                .isInstanceOf(ApiException.class)
                .hasMessage("the json request could not be decoded");
    }

    @Test
    void should_fail_as_malformed_when_a_json_value_has_the_wrong_type_or_a_key_comes_twice() {
        // GIVEN bodies Go's protojson refuses (measured on livekit-server 1.13.5) and JsonFormat alone would take
        String[] refused = {
                "{\"name\":5}",                                   // a number for a string
                "{\"name\":\"r\",\"sync_streams\":\"true\"}",       // a string for a bool
                "{\"name\":\"a\",\"name\":\"b\"}",                // a key twice
                "{\"empty_timeout\":1,\"emptyTimeout\":2}",         // one field under both of its names
                "{\"agents\":{\"agent_name\":\"x\"}}",               // an object for a list
                "{\"agents\":[{\"agent_name\":7}]}",                // a wrong type inside a list element
                "{\"agents\":[null]}",                              // null inside a list
                "{\"tags\":{\"k\":1}}",                              // a number for a map's string value
                "[]"};                                              // not an object

        // WHEN / THEN each is malformed, with the real decoder's message
        for (String body : refused) {
            assertThatThrownBy(() -> TwirpCodec.decode(body.getBytes(StandardCharsets.UTF_8), WireFormat.JSON,
                    CreateRoomRequest.getDefaultInstance()))
                    .as(body).isInstanceOf(ApiException.class).hasMessage("the json request could not be decoded");
        }
    }

    @Test
    void should_accept_quoted_numbers_enum_numbers_nulls_and_repeated_unknown_keys_when_json_is_valid_for_protojson() {
        // GIVEN what protojson accepts: int as a string, null as the default, unknown keys (even twice)
        byte[] body = ("{\"name\":\"r\",\"empty_timeout\":\"60\",\"metadata\":null,\"x\":1,\"x\":\"y\","
                + "\"agents\":[{\"agent_name\":\"a\",\"restart_policy\":1}]}").getBytes(StandardCharsets.UTF_8);

        // WHEN
        CreateRoomRequest request = TwirpCodec.decode(body, WireFormat.JSON, CreateRoomRequest.getDefaultInstance());

        // THEN
        assertThat(request.getEmptyTimeout()).isEqualTo(60);
        assertThat(request.getMetadata()).isEmpty();
        assertThat(request.getAgents(0).getAgentName()).isEqualTo("a");
    }
}
