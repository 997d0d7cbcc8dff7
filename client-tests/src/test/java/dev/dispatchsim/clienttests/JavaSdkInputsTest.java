package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomList;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitModels.Room;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import static dev.dispatchsim.clienttests.JavaSdk.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs as livekit-server 1.13.5 takes them (measured): an empty or missing room name is a name; JSON is read
 * as strictly as Go's protojson (a wrong value type or a key given twice is 400 malformed); a body over the
 * 10 MiB limit fails to decode, 400 malformed, not 413. Raw HTTP where the Java SDK cannot send the body.
 */
@Timeout(60)
@LiveKitSimulatorTest(seed = 23)
class JavaSdkInputsTest {

    private static final String MALFORMED = "{\"code\":\"malformed\",\"msg\":\"the json request could not be decoded\"}";

    private JavaSdk sdk;
    private RawTwirp raw;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        sdk = new JavaSdk(sim);
        raw = new RawTwirp(sim);
    }

    @Test
    void should_create_the_room_named_empty_when_create_room_has_an_empty_or_no_name() {
        // GIVEN / WHEN CreateRoom with name "" through the SDK, then with no name at all as raw JSON
        Room created = ok(sdk.rooms.createRoom(""));
        HttpResponse<String> again = raw.json("livekit.RoomService/CreateRoom", "{}", "Bearer " + raw.token(new RoomCreate(true)));

        // THEN both answer 200 with room "" (the second returns the live room unchanged)
        assertThat(created.getName()).isEmpty();
        assertThat(created.getSid()).startsWith("RM_");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"sid\":\"" + created.getSid() + "\"").contains("\"name\":\"\"");
        assertThat(ok(sdk.rooms.listRooms())).extracting(Room::getName).containsExactly("");
    }

    @Test
    void should_create_the_room_named_empty_when_create_dispatch_names_room_empty() {
        // GIVEN / WHEN CreateDispatch for room "" through the SDK
        AgentDispatch dispatch = ok(sdk.dispatches.createDispatch("", "stt-agent", ""));

        // THEN the dispatch is there, and so is the room it auto-created
        assertThat(dispatch.getRoom()).isEmpty();
        assertThat(ok(sdk.dispatches.listDispatch(""))).extracting(AgentDispatch::getId).contains(dispatch.getId());
        assertThat(ok(sdk.rooms.listRooms())).extracting(Room::getName).containsExactly("");
    }

    @Test
    void should_answer_malformed_when_json_has_a_wrong_value_type_or_a_duplicate_key() {
        // GIVEN a CreateRoom token
        String bearer = "Bearer " + raw.token(new RoomCreate(true));

        // WHEN / THEN each body Go's protojson refuses is 400 malformed, and creates nothing
        for (String body : new String[]{"{\"name\":5}", "{\"name\":\"r\",\"sync_streams\":\"true\"}",
                "{\"name\":\"a\",\"name\":\"b\"}", "{\"name\":\"a\",\"emptyTimeout\":1,\"empty_timeout\":2}"}) {
            HttpResponse<String> response = raw.json("livekit.RoomService/CreateRoom", body, bearer);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.body()).as(body).isEqualTo(MALFORMED);
        }
        assertThat(ok(sdk.rooms.listRooms())).isEmpty();
    }

    @Test
    void should_answer_malformed_not_413_when_a_json_body_is_11_mib() {
        // GIVEN an 11 MiB JSON body (valid JSON: an object padded with spaces)
        byte[] body = new byte[11 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';

        // WHEN it is sent with its Content-Length
        HttpResponse<String> response = raw.post("livekit.RoomService/ListRooms", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(body), "Bearer " + raw.token(new RoomList(true)));

        // THEN the limited reader makes the JSON decoder fail: 400 malformed, as a Twirp JSON error
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(MALFORMED);
    }
}
