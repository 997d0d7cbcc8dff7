package dev.dispatchsim.tests.e2e;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.CreateRoomRequest;
import dev.dispatchsim.proto.ListAgentDispatchRequest;
import dev.dispatchsim.proto.ListAgentDispatchResponse;
import dev.dispatchsim.proto.ListRoomsResponse;
import dev.dispatchsim.proto.Room;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.util.HexFormat;

import static dev.dispatchsim.tests.support.TwirpAnswers.contentType;
import static org.assertj.core.api.Assertions.assertThat;

/** Binary protobuf as the Java SDK sends it (server-sdk-kotlin-requests.txt): answered in protobuf, errors in JSON. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 3)
class ProtobufWireTest {

    /** The Java SDK's CreateRoom{name: room-a, agents: [{stt-agent, {"lang":"en"}}]} from the capture. */
    private static final String CAPTURED_CREATE_ROOM =
            "0a06726f6f6d2d61721a0a097374742d6167656e74120d7b226c616e67223a22656e227d";

    private TwirpHttp twirp;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
    }

    @Test
    void should_answer_in_protobuf_when_the_captured_create_room_bytes_arrive() throws Exception {
        // GIVEN / WHEN the captured CreateRoom bytes with a Java-style token
        HttpResponse<byte[]> response = twirp.postBytes("livekit.RoomService/CreateRoom", TwirpHttp.PROTOBUF,
                HexFormat.of().parseHex(CAPTURED_CREATE_ROOM), twirp.javaBearer(TwirpHttp.roomCreate()));

        // THEN a protobuf Room comes back with exactly that Content-Type, and the dispatch is stored
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contentType(response)).isEqualTo("application/protobuf");
        Room room = Room.parseFrom(response.body());
        assertThat(room.getName()).isEqualTo("room-a");
        assertThat(room.getEmptyTimeout()).isEqualTo(300);
        ListAgentDispatchResponse dispatches = twirp.proto("livekit.AgentDispatchService/ListDispatch",
                ListAgentDispatchRequest.newBuilder().setRoom("room-a").build(), TwirpHttp.roomAdmin("room-a"),
                ListAgentDispatchResponse.getDefaultInstance());
        assertThat(dispatches.getAgentDispatchesList()).singleElement()
                .satisfies(d -> assertThat(d.getMetadata()).isEqualTo("{\"lang\":\"en\"}"));
    }

    @Test
    void should_treat_a_zero_byte_body_as_an_empty_request_when_it_is_protobuf() throws Exception {
        // GIVEN a room
        twirp.proto("livekit.RoomService/CreateRoom", CreateRoomRequest.newBuilder().setName("room-a").build(),
                TwirpHttp.roomCreate(), Room.getDefaultInstance());

        // WHEN ListRooms is sent with a 0-byte body, as the Java SDK does
        HttpResponse<byte[]> response = twirp.postBytes("livekit.RoomService/ListRooms", TwirpHttp.PROTOBUF, new byte[0],
                twirp.javaBearer(TwirpHttp.roomList()));

        // THEN every room is listed
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ListRoomsResponse.parseFrom(response.body()).getRoomsList()).extracting(Room::getName)
                .containsExactly("room-a");
    }

    @Test
    void should_answer_errors_in_json_when_the_request_was_protobuf() {
        // GIVEN / WHEN DeleteRoom for an unknown room, in protobuf
        HttpResponse<String> response = twirp.post("livekit.RoomService/DeleteRoom", TwirpHttp.PROTOBUF,
                HexFormat.of().parseHex("0a046e6f7065"), twirp.javaBearer(TwirpHttp.roomCreate()));

        // THEN the error is Twirp JSON regardless, which the Java SDK reads from errorBody()
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(contentType(response)).isEqualTo("application/json");
        assertThat(response.body()).isEqualTo(
                "{\"code\":\"not_found\",\"msg\":\"twirp error unknown: requested room does not exist\"}");
    }
}
