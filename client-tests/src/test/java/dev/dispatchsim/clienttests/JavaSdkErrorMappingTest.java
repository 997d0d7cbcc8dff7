package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.testkit.VirtualTime;
import io.livekit.server.RoomList;
import io.livekit.server.RoomServiceClient;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Response;

import static dev.dispatchsim.clienttests.JavaSdk.errorBody;
import static dev.dispatchsim.clienttests.JavaSdk.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Java SDK's caller sees on failure: no exception, isSuccessful() false, the Twirp JSON in errorBody().
 * On virtual time, so that the 3 s a call for a room that is not live takes cost no wall time.
 */
@Timeout(60)
class JavaSdkErrorMappingTest {

    private LiveKitSimulator sim;
    private JavaSdk sdk;
    private VirtualTime time;

    @BeforeEach
    void start() {
        sim = LiveKitSimulator.builder().seed(5).clock(new ManualClock()).start();
        sdk = new JavaSdk(sim);
        time = VirtualTime.of(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static void assertFailure(Response<?> response, int status, String body) {
        assertThat(response.isSuccessful()).isFalse();
        assertThat(response.code()).isEqualTo(status);
        assertThat(errorBody(response)).isEqualTo(body);
    }

    @Test
    void should_report_not_found_in_the_error_body_when_delete_room_names_an_unknown_room() {
        // GIVEN / WHEN
        Response<Void> response = execute(sdk.rooms.deleteRoom("nope"));

        // THEN
        assertFailure(response, 404, "{\"code\":\"not_found\",\"msg\":\"twirp error unknown: requested room does not exist\"}");
        assertThat(response.headers().get("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void should_report_unavailable_when_list_dispatch_targets_a_room_that_is_not_live() {
        // GIVEN / WHEN / THEN (each answered after the real server's 3 s of retries, on virtual time)
        assertFailure(time.call(() -> execute(sdk.dispatches.listDispatch("nope"))), 503,
                "{\"code\":\"unavailable\",\"msg\":\"twirp error unknown: no response from servers\"}");
        assertFailure(time.call(() -> execute(sdk.dispatches.deleteDispatch("nope", "AD_x"))), 503,
                "{\"code\":\"unavailable\",\"msg\":\"twirp error unknown: no response from servers\"}");
    }

    @Test
    void should_report_invalid_argument_when_the_room_name_is_too_long() {
        // GIVEN / WHEN
        Response<?> response = execute(sdk.rooms.createRoom("r".repeat(257)));

        // THEN
        assertFailure(response, 400, "{\"code\":\"invalid_argument\","
                + "\"msg\":\"twirp error unknown: room name length exceeds limits: max length 256\"}");
    }

    @Test
    void should_report_unauthenticated_json_when_the_token_lacks_the_grant() {
        // GIVEN a token that may list rooms, used for CreateRoom through the SDK's Retrofit interface
        String bearer = sdk.bearer(new RoomList(true));

        // WHEN
        Response<?> response = execute(sdk.roomService.createRoom(
                LivekitRoom.CreateRoomRequest.newBuilder().setName("room-a").build(), bearer));

        // THEN
        assertFailure(response, 401, "{\"code\":\"unauthenticated\",\"msg\":\"permissions denied\"}");
    }

    @Test
    void should_report_the_plain_text_401_when_the_sdk_signs_with_the_wrong_secret() {
        // GIVEN an SDK client configured with a wrong secret
        RoomServiceClient wrong = RoomServiceClient.createClient(sim.httpUrl(), sim.apiKey(), "wrong-secret");

        // WHEN / THEN the middleware's text is the error body
        Response<?> response = execute(wrong.listRooms());
        assertFailure(response, 401, "invalid authorization token: token signature is invalid: signature is invalid");
        assertThat(response.headers().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void should_report_invalid_api_key_when_the_sdk_uses_an_unknown_key() {
        // GIVEN / WHEN an SDK client with a key the simulator does not know
        Response<?> response = execute(RoomServiceClient.createClient(sim.httpUrl(), "otherkey", "othersecret")
                .createRoom("room-a"));

        // THEN it is refused in plain text, and no room was created
        assertFailure(response, 401, "invalid API key");
        assertThat(execute(sdk.rooms.listRooms()).body()).isEmpty();
    }
}
