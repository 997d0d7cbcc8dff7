package dev.dispatchsim.proto;

import org.junit.jupiter.api.Test;

import static dev.dispatchsim.proto.Golden.compactJson;
import static dev.dispatchsim.proto.Golden.hex;
import static dev.dispatchsim.proto.Golden.parseJson;
import static dev.dispatchsim.proto.Golden.tree;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies real server SDKs sent (captured from the SDKs' traffic),
 * decoded with our classes: the Java SDK's binary protobuf and the Node SDK's camelCase JSON.
 */
class TwirpRequestGoldenTest {

    @Test
    void should_decode_java_sdk_create_room_when_agents_are_given() throws Exception {
        // GIVEN the 36-byte CreateRoom body the Java SDK sent through its Retrofit interface
        byte[] body = hex("0a06726f6f6d2d61721a0a097374742d6167656e74120d7b226c616e67223a22656e227d");

        // WHEN it is decoded
        CreateRoomRequest request = CreateRoomRequest.parseFrom(body);

        // THEN it names room-a with one explicit dispatch to stt-agent, and re-encodes to the same bytes
        assertThat(request.getName()).isEqualTo("room-a");
        assertThat(request.getAgentsList()).hasSize(1);
        assertThat(request.getAgents(0).getAgentName()).isEqualTo("stt-agent");
        assertThat(request.getAgents(0).getMetadata()).isEqualTo("{\"lang\":\"en\"}");
        assertThat(request.getUnknownFields().asMap()).isEmpty();
        assertThat(hex(request)).isEqualTo("0a06726f6f6d2d61721a0a097374742d6167656e74120d7b226c616e67223a22656e227d");
    }

    @Test
    void should_decode_java_sdk_create_room_when_only_empty_timeout_is_given() throws Exception {
        // GIVEN RoomServiceClient.createRoom("room-j", 60)
        // WHEN its body is decoded
        CreateRoomRequest request = CreateRoomRequest.parseFrom(hex("0a06726f6f6d2d6a103c"));

        // THEN name and empty_timeout (field 2) are set, no agents
        assertThat(request.getName()).isEqualTo("room-j");
        assertThat(request.getEmptyTimeout()).isEqualTo(60);
        assertThat(request.getAgentsList()).isEmpty();
    }

    @Test
    void should_decode_java_sdk_list_rooms_when_body_is_empty_or_has_names() throws Exception {
        // GIVEN listRooms() (a 0-byte body) and listRooms([room-a])
        // WHEN they are decoded
        ListRoomsRequest all = ListRoomsRequest.parseFrom(new byte[0]);
        ListRoomsRequest named = ListRoomsRequest.parseFrom(hex("0a06726f6f6d2d61"));

        // THEN the empty body is the default message and the other filters on room-a
        assertThat(all).isEqualTo(ListRoomsRequest.getDefaultInstance());
        assertThat(named.getNamesList()).containsExactly("room-a");
    }

    @Test
    void should_decode_java_sdk_delete_room_when_captured() throws Exception {
        // GIVEN / WHEN deleteRoom("room-a") is decoded
        DeleteRoomRequest request = DeleteRoomRequest.parseFrom(hex("0a06726f6f6d2d61"));

        // THEN
        assertThat(request.getRoom()).isEqualTo("room-a");
    }

    @Test
    void should_decode_java_sdk_dispatch_requests_when_captured() throws Exception {
        // GIVEN the CreateDispatch, ListDispatch and DeleteDispatch bodies of the Java SDK
        // WHEN they are decoded
        CreateAgentDispatchRequest create = CreateAgentDispatchRequest.parseFrom(
                hex("0a097374742d6167656e741206726f6f6d2d611a0d7b2275736572223a227531227d"));
        ListAgentDispatchRequest list = ListAgentDispatchRequest.parseFrom(hex("1206726f6f6d2d61"));
        DeleteAgentDispatchRequest delete = DeleteAgentDispatchRequest.parseFrom(
                hex("0a0841445f66616b65311206726f6f6d2d61"));

        // THEN each carries the captured values
        assertThat(create.getAgentName()).isEqualTo("stt-agent");
        assertThat(create.getRoom()).isEqualTo("room-a");
        assertThat(create.getMetadata()).isEqualTo("{\"user\":\"u1\"}");
        assertThat(create.getRestartPolicy()).isEqualTo(JobRestartPolicy.JRP_ON_FAILURE);
        assertThat(list.getRoom()).isEqualTo("room-a");
        assertThat(list.getDispatchId()).isEmpty();
        assertThat(delete.getDispatchId()).isEqualTo("AD_fake1");
        assertThat(delete.getRoom()).isEqualTo("room-a");
    }

    @Test
    void should_parse_node_sdk_create_room_json_when_agents_are_given() {
        // GIVEN the Node SDK's camelCase CreateRoom bodies (RoomAgentDispatch object and plain object)
        String withTimeout = "{\"name\":\"room-a\",\"emptyTimeout\":60,\"agents\":[{\"agentName\":\"stt-agent\","
                + "\"metadata\":\"{\\\"lang\\\":\\\"en\\\",\\\"backend\\\":\\\"http://127.0.0.1:9000\\\"}\"}]}";
        String plain = "{\"name\":\"room-b\",\"agents\":[{\"agentName\":\"stt-agent\",\"metadata\":\"{\\\"x\\\":1}\"}]}";

        // WHEN they are parsed
        CreateRoomRequest a = parseJson(withTimeout, CreateRoomRequest.newBuilder()).build();
        CreateRoomRequest b = parseJson(plain, CreateRoomRequest.newBuilder()).build();

        // THEN the values come through and our compact JSON is the same document
        assertThat(a.getName()).isEqualTo("room-a");
        assertThat(a.getEmptyTimeout()).isEqualTo(60);
        assertThat(a.getAgents(0).getAgentName()).isEqualTo("stt-agent");
        assertThat(a.getAgents(0).getMetadata()).isEqualTo("{\"lang\":\"en\",\"backend\":\"http://127.0.0.1:9000\"}");
        assertThat(b.getAgents(0).getMetadata()).isEqualTo("{\"x\":1}");
        assertThat(compactJson(a)).isEqualTo(tree(withTimeout));
        assertThat(compactJson(b)).isEqualTo(tree(plain));
    }

    @Test
    void should_parse_node_sdk_room_and_dispatch_json_when_captured() {
        // GIVEN the Node SDK's other bodies
        String names = "{\"names\":[\"room-a\"]}";
        String room = "{\"room\":\"room-a\"}";
        String create = "{\"agentName\":\"stt-agent\",\"room\":\"room-a\",\"metadata\":\"{\\\"user\\\":\\\"u1\\\"}\"}";
        String byId = "{\"dispatchId\":\"AD_fake1\",\"room\":\"room-a\"}";

        // WHEN they are parsed
        // THEN each round-trips to the same JSON document
        assertThat(compactJson(parseJson("{}", ListRoomsRequest.newBuilder()))).isEqualTo(tree("{}"));
        assertThat(compactJson(parseJson(names, ListRoomsRequest.newBuilder()))).isEqualTo(tree(names));
        assertThat(compactJson(parseJson(room, DeleteRoomRequest.newBuilder()))).isEqualTo(tree(room));
        assertThat(compactJson(parseJson(create, CreateAgentDispatchRequest.newBuilder()))).isEqualTo(tree(create));
        assertThat(compactJson(parseJson(room, ListAgentDispatchRequest.newBuilder()))).isEqualTo(tree(room));
        assertThat(compactJson(parseJson(byId, ListAgentDispatchRequest.newBuilder()))).isEqualTo(tree(byId));
        assertThat(parseJson(byId, DeleteAgentDispatchRequest.newBuilder()).getDispatchId()).isEqualTo("AD_fake1");
    }

    @Test
    void should_accept_snake_case_and_restart_policy_names_when_parsing_requests() {
        // GIVEN a CreateDispatch body as Python would write it (proto names) with the Cloud-only options
        String json = "{\"agent_name\":\"stt-agent\",\"room\":\"room-a\",\"restart_policy\":\"JRP_NEVER\","
                + "\"deployment\":\"blue\",\"attributes\":{\"k\":\"v\"},\"unknown_field\":{\"x\":1}}";

        // WHEN it is parsed
        CreateAgentDispatchRequest request = parseJson(json, CreateAgentDispatchRequest.newBuilder()).build();

        // THEN both name styles work and unknown fields are ignored
        assertThat(request.getAgentName()).isEqualTo("stt-agent");
        assertThat(request.getRestartPolicy()).isEqualTo(JobRestartPolicy.JRP_NEVER);
        assertThat(request.getDeployment()).isEqualTo("blue");
        assertThat(request.getAttributesMap()).containsEntry("k", "v");
    }

    @Test
    void should_keep_egress_as_unknown_field_when_create_room_sets_it() throws Exception {
        // GIVEN a CreateRoom body carrying field 6 (egress, which we intentionally do not declare)
        byte[] body = hex("0a06726f6f6d2d61" + "3202" + "0a00");

        // WHEN it is decoded and re-encoded
        CreateRoomRequest request = CreateRoomRequest.parseFrom(body);

        // THEN the field survives as an unknown field
        assertThat(request.getName()).isEqualTo("room-a");
        assertThat(request.getUnknownFields().hasField(6)).isTrue();
        assertThat(hex(request)).isEqualTo("0a06726f6f6d2d6132020a00");
    }
}
