package dev.dispatchsim.proto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static dev.dispatchsim.proto.Golden.fullJson;
import static dev.dispatchsim.proto.Golden.parseJson;
import static dev.dispatchsim.proto.Golden.textOnOneLine;
import static dev.dispatchsim.proto.Golden.tree;
import static dev.dispatchsim.proto.Golden.twirpJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Response bodies from the captures: what the capture's fake server answered, and what the real
 * SDKs made of it (server-sdk-node-results-snake.txt, server-sdk-kotlin-requests.txt / -results.txt).
 * Our classes must read the same answers and produce the same documents and byte counts.
 */
class TwirpResponseGoldenTest {

    private static final String SNAKE_ROOM = "{\"sid\":\"RM_fake123\",\"name\":\"room-a\",\"empty_timeout\":60,"
            + "\"departure_timeout\":20,\"max_participants\":0,\"creation_time\":\"1795680793\","
            + "\"creation_time_ms\":\"1795680793000\",\"turn_password\":\"\",\"enabled_codecs\":[],\"metadata\":\"\","
            + "\"num_participants\":0,\"num_publishers\":0,\"active_recording\":false,\"some_future_field\":{\"x\":1}}";
    private static final String SNAKE_LIST_DISPATCH = "{\"agent_dispatches\":[{\"id\":\"AD_fake1\","
            + "\"agent_name\":\"stt-agent\",\"room\":\"room-a\",\"metadata\":\"{\\\"k\\\":\\\"v\\\"}\",\"state\":{\"jobs\":"
            + "[{\"id\":\"AJ_1\",\"type\":\"JT_ROOM\",\"room\":{\"sid\":\"RM_fake123\",\"name\":\"room-a\"},"
            + "\"state\":{\"status\":\"JS_RUNNING\",\"started_at\":\"1795680793\"}}],\"created_at\":\"1795680793\"}}]}";

    @Test
    void should_read_snake_case_room_and_produce_the_node_sdks_result_when_unknown_fields_are_present() {
        // GIVEN the fake's CreateRoom answer in snake_case with every default and an unknown field
        // WHEN it is parsed and printed with camelCase names and defaults
        Room room = parseJson(SNAKE_ROOM, Room.newBuilder()).build();

        // THEN the document equals what livekit-server-sdk 2.19.2 returned from the same answer
        assertThat(room.getEmptyTimeout()).isEqualTo(60);
        assertThat(room.getCreationTimeMs()).isEqualTo(1_795_680_793_000L);
        assertThat(fullJson(room)).isEqualTo(tree("{\"sid\":\"RM_fake123\",\"name\":\"room-a\",\"emptyTimeout\":60,"
                + "\"maxParticipants\":0,\"creationTime\":\"1795680793\",\"turnPassword\":\"\",\"enabledCodecs\":[],"
                + "\"metadata\":\"\",\"numParticipants\":0,\"activeRecording\":false,\"numPublishers\":0,"
                + "\"departureTimeout\":20,\"creationTimeMs\":\"1795680793000\"}"));
    }

    @Test
    void should_write_the_same_snake_case_names_when_printing_like_twirp() {
        // GIVEN the fake's snake_case Room (the shape livekit-server's Twirp JSON has)
        Room room = parseJson(SNAKE_ROOM, Room.newBuilder()).build();

        // WHEN it is printed with proto names and defaults
        ObjectNode expected = (ObjectNode) tree(SNAKE_ROOM);
        expected.remove("some_future_field");

        // THEN every field name matches (version is unset, which the Twirp codec must render as null)
        assertThat(twirpJson(room)).isEqualTo(expected);
    }

    @Test
    void should_read_int64_as_number_when_the_answer_has_no_quotes() {
        // GIVEN the fake's ListRooms answer: creation_time as a JSON number, plus an unknown field
        String json = "{\"rooms\":[{\"sid\":\"RM_fake123\",\"name\":\"room-a\",\"creation_time\":1795680793,"
                + "\"num_participants\":1,\"unknown_x\":true}]}";

        // WHEN it is parsed
        ListRoomsResponse response = parseJson(json, ListRoomsResponse.newBuilder()).build();

        // THEN the document equals what the Node SDK returned
        assertThat(response.getRooms(0).getCreationTime()).isEqualTo(1_795_680_793L);
        assertThat(fullJson(response.getRooms(0))).isEqualTo(tree("{\"sid\":\"RM_fake123\",\"name\":\"room-a\","
                + "\"emptyTimeout\":0,\"maxParticipants\":0,\"creationTime\":\"1795680793\",\"turnPassword\":\"\","
                + "\"enabledCodecs\":[],\"metadata\":\"\",\"numParticipants\":1,\"activeRecording\":false,"
                + "\"numPublishers\":0,\"departureTimeout\":0,\"creationTimeMs\":\"0\"}"));
    }

    @Test
    void should_read_create_dispatch_answer_and_match_the_node_sdks_result_when_state_is_empty() {
        // GIVEN the fake's CreateDispatch answer (snake_case, empty jobs, unknown field)
        String json = "{\"id\":\"AD_fake1\",\"agent_name\":\"stt-agent\",\"room\":\"room-a\","
                + "\"metadata\":\"{\\\"user\\\":\\\"u1\\\"}\",\"state\":{\"jobs\":[],\"created_at\":\"1795680793\","
                + "\"deleted_at\":\"0\"},\"extra_unknown\":1}";

        // WHEN it is parsed
        AgentDispatch dispatch = parseJson(json, AgentDispatch.newBuilder()).build();

        // THEN every field of AgentDispatch that the SDK knows is present with the same name and value
        assertThat(fullJson(dispatch)).isEqualTo(tree("{\"id\":\"AD_fake1\",\"agentName\":\"stt-agent\","
                + "\"room\":\"room-a\",\"metadata\":\"{\\\"user\\\":\\\"u1\\\"}\",\"state\":{\"jobs\":[],"
                + "\"createdAt\":\"1795680793\",\"deletedAt\":\"0\"},\"restartPolicy\":\"JRP_ON_FAILURE\","
                + "\"deployment\":\"\",\"attributes\":{}}"));
    }

    @Test
    void should_read_list_dispatch_answer_and_match_the_node_sdks_result_when_a_job_runs() {
        // GIVEN the fake's ListDispatch answer with one JS_RUNNING job
        // WHEN it is parsed
        ListAgentDispatchResponse response = parseJson(SNAKE_LIST_DISPATCH, ListAgentDispatchResponse.newBuilder())
                .build();

        // THEN Job, JobState and Room print exactly the fields the Node SDK printed (participant stays absent)
        Job job = response.getAgentDispatches(0).getState().getJobs(0);
        assertThat(job.getState().getStatus()).isEqualTo(JobStatus.JS_RUNNING);
        assertThat(job.hasParticipant()).isFalse();
        assertThat(fullJson(response.getAgentDispatches(0))).isEqualTo(tree("{\"id\":\"AD_fake1\","
                + "\"agentName\":\"stt-agent\",\"room\":\"room-a\",\"metadata\":\"{\\\"k\\\":\\\"v\\\"}\",\"state\":"
                + "{\"jobs\":[{\"id\":\"AJ_1\",\"type\":\"JT_ROOM\",\"room\":{\"sid\":\"RM_fake123\",\"name\":\"room-a\","
                + "\"emptyTimeout\":0,\"maxParticipants\":0,\"creationTime\":\"0\",\"turnPassword\":\"\","
                + "\"enabledCodecs\":[],\"metadata\":\"\",\"numParticipants\":0,\"activeRecording\":false,"
                + "\"numPublishers\":0,\"departureTimeout\":0,\"creationTimeMs\":\"0\"},\"namespace\":\"\","
                + "\"metadata\":\"\",\"agentName\":\"\",\"state\":{\"status\":\"JS_RUNNING\",\"error\":\"\","
                + "\"startedAt\":\"1795680793\",\"endedAt\":\"0\",\"updatedAt\":\"0\",\"participantIdentity\":\"\","
                + "\"workerId\":\"\",\"agentId\":\"\"},\"dispatchId\":\"\",\"enableRecording\":false,"
                + "\"deployment\":\"\",\"attributes\":{},\"enableRedaction\":false}],\"createdAt\":\"1795680793\","
                + "\"deletedAt\":\"0\"},\"restartPolicy\":\"JRP_ON_FAILURE\",\"deployment\":\"\",\"attributes\":{}}"));
    }

    @Test
    void should_read_enum_and_int64_as_numbers_when_an_answer_uses_them() {
        // GIVEN a job state with the enum and an int64 as JSON numbers (accepted by the Node SDK per the edge-case capture)
        String json = "{\"jobs\":[{\"id\":\"AJ_1\",\"type\":0,\"state\":{\"status\":1,\"started_at\":123}}]}";

        // WHEN it is parsed
        AgentDispatchState state = parseJson(json, AgentDispatchState.newBuilder()).build();

        // THEN the values are the ones the Node SDK reported (JS_RUNNING, "123")
        assertThat(state.getJobs(0).getState().getStatus()).isEqualTo(JobStatus.JS_RUNNING);
        assertThat(state.getJobs(0).getState().getStartedAt()).isEqualTo(123L);
    }

    @Test
    void should_encode_to_the_captured_byte_counts_when_answering_the_java_sdk() {
        // GIVEN the fake's protobuf answers to the Java SDK, as logged in proto3 JSON with their sizes
        // WHEN our classes encode the same messages
        // THEN the byte counts are the captured ones
        assertThat(parseJson("{\"sid\":\"RM_fake123\",\"name\":\"room-j\",\"emptyTimeout\":60,\"creationTime\":"
                + "\"1795680458\",\"departureTimeout\":20,\"creationTimeMs\":\"1795680458000\"}", Room.newBuilder())
                .build().getSerializedSize()).isEqualTo(37);
        assertThat(parseJson("{\"sid\":\"RM_fake123\",\"name\":\"room-a\",\"emptyTimeout\":300,\"creationTime\":"
                + "\"1795680458\",\"departureTimeout\":20,\"creationTimeMs\":\"1795680458000\"}", Room.newBuilder())
                .build().getSerializedSize()).isEqualTo(38);
        assertThat(parseJson("{\"rooms\":[{\"sid\":\"RM_fake123\",\"name\":\"room-a\",\"creationTime\":\"1795680458\","
                + "\"numParticipants\":1}]}", ListRoomsResponse.newBuilder()).build().getSerializedSize()).isEqualTo(30);
        assertThat(parseJson("{\"id\":\"AD_fake1\",\"agentName\":\"stt-agent\",\"room\":\"room-a\",\"metadata\":"
                + "\"{\\\"user\\\":\\\"u1\\\"}\",\"state\":{\"createdAt\":\"1795680458\"}}", AgentDispatch.newBuilder())
                .build().getSerializedSize()).isEqualTo(52);
        assertThat(javaListDispatchAnswer().getSerializedSize()).isEqualTo(90);
        assertThat(parseJson("{\"id\":\"AD_fake1\",\"agentName\":\"stt-agent\",\"room\":\"room-a\"}",
                AgentDispatch.newBuilder()).build().getSerializedSize()).isEqualTo(29);
        assertThat(DeleteRoomResponse.getDefaultInstance().getSerializedSize()).isZero();
    }

    @Test
    void should_print_like_the_java_sdks_own_classes_when_using_text_format() {
        // GIVEN the answers the Java SDK decoded with its bundled livekit.* classes
        ListRoomsResponse rooms = parseJson("{\"rooms\":[{\"sid\":\"RM_fake123\",\"name\":\"room-a\","
                + "\"creationTime\":\"1795680458\",\"numParticipants\":1}]}", ListRoomsResponse.newBuilder()).build();

        // WHEN our classes print them in text format
        // THEN field names, numbers order and enum names are identical to the SDK's printout
        assertThat("[" + textOnOneLine(rooms.getRooms(0)) + "]")
                .isEqualTo("[sid: \"RM_fake123\" name: \"room-a\" creation_time: 1795680458 num_participants: 1 ]");
        assertThat("[" + textOnOneLine(javaListDispatchAnswer().getAgentDispatches(0)) + "]")
                .isEqualTo("[id: \"AD_fake1\" agent_name: \"stt-agent\" room: \"room-a\" metadata: \"{\\\"k\\\":\\\"v\\\"}\""
                        + " state {   jobs {     id: \"AJ_1\"     room {       sid: \"RM_fake123\"       name: \"room-a\""
                        + "     }     state {       status: JS_RUNNING       started_at: 1795680458     }   }"
                        + "   created_at: 1795680458 } ]");
    }

    private static ListAgentDispatchResponse javaListDispatchAnswer() {
        return parseJson("{\"agentDispatches\":[{\"id\":\"AD_fake1\",\"agentName\":\"stt-agent\",\"room\":\"room-a\","
                + "\"metadata\":\"{\\\"k\\\":\\\"v\\\"}\",\"state\":{\"jobs\":[{\"id\":\"AJ_1\",\"room\":{\"sid\":"
                + "\"RM_fake123\",\"name\":\"room-a\"},\"state\":{\"status\":\"JS_RUNNING\",\"startedAt\":\"1795680458\"}}],"
                + "\"createdAt\":\"1795680458\"}}]}", ListAgentDispatchResponse.newBuilder()).build();
    }
}
