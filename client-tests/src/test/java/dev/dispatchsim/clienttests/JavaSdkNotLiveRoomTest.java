package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.VirtualTime;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomName;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitRoom.PerformRpcRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Response;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import static dev.dispatchsim.clienttests.JavaSdk.errorBody;
import static dev.dispatchsim.clienttests.JavaSdk.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls addressed to a room that is not live, measured on livekit-server 1.13.5: MutePublishedTrack, SendData,
 * PerformRpc, ListDispatch and DeleteDispatch answer 503 unavailable "no response from servers" (with the
 * internal RPC layer's prefix) after about 3 s of retries. On virtual time the 3 s cost nothing:
 * {@link VirtualTime#call} moves the clock to the answer.
 */
@Timeout(60)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 29)
class JavaSdkNotLiveRoomTest {

    private static final String NO_RESPONSE =
            "{\"code\":\"unavailable\",\"msg\":\"twirp error unknown: no response from servers\"}";

    private LiveKitSimulator sim;
    private VirtualTime time;
    private JavaSdk sdk;

    @BeforeEach
    void start(LiveKitSimulator sim, VirtualTime time) {
        this.sim = sim;
        this.time = time;
        sdk = new JavaSdk(sim);
    }

    /** Makes the call through VirtualTime and checks the 503 came exactly 3 s of simulated time later. */
    private void assertNoResponseAfter3Seconds(Callable<Integer> statusOf, Callable<String> body) throws Exception {
        Instant asked = time.now();
        int status = time.call(statusOf);
        assertThat(status).isEqualTo(503);
        assertThat(body.call()).isEqualTo(NO_RESPONSE);
        assertThat(Duration.between(asked, time.now())).isEqualTo(Duration.ofSeconds(3));
    }

    private void assertSdk503(Callable<Response<?>> call) throws Exception {
        Response<?>[] answer = new Response<?>[1];
        assertNoResponseAfter3Seconds(() -> (answer[0] = call.call()).code(), () -> errorBody(answer[0]));
    }

    @Test
    void should_answer_503_after_3_seconds_when_mute_send_data_or_the_dispatch_calls_name_a_room_that_is_not_live()
            throws Exception {
        // GIVEN no room "gone" / WHEN / THEN each call through the Java SDK
        assertSdk503(() -> execute(sdk.rooms.mutePublishedTrack("gone", "alice", "TR_x", true)));
        assertSdk503(() -> execute(sdk.rooms.sendData("gone", new byte[]{1}, DataPacket.Kind.RELIABLE, java.util.List.of(),
                java.util.List.of(), null)));
        assertSdk503(() -> execute(sdk.dispatches.listDispatch("gone")));
        assertSdk503(() -> execute(sdk.dispatches.deleteDispatch("gone", "AD_x")));
    }

    @Test
    void should_answer_503_after_3_seconds_when_perform_rpc_names_a_room_that_is_not_live() throws Exception {
        // GIVEN PerformRpc (the Java SDK 0.13.0 has no method for it: its protobuf, sent raw)
        RawTwirp raw = new RawTwirp(sim);
        byte[] request = PerformRpcRequest.newBuilder().setRoom("gone").setDestinationIdentity("agent-1")
                .setMethod("greet").setPayload("hi").build().toByteArray();
        String bearer = "Bearer " + raw.token(new RoomAdmin(true), new RoomName("gone"));

        // WHEN / THEN
        HttpResponse<?>[] answer = new HttpResponse<?>[1];
        assertNoResponseAfter3Seconds(() -> (answer[0] = raw.post("livekit.RoomService/PerformRpc",
                        "application/protobuf", HttpRequest.BodyPublishers.ofByteArray(request), bearer)).statusCode(),
                () -> (String) answer[0].body());
    }

    @Test
    void should_answer_503_after_3_seconds_when_mute_names_a_participant_not_in_a_live_room() throws Exception {
        // GIVEN a live room with alice only
        sim.admin().addParticipant("room-a", "alice", SimParticipant.human());

        // WHEN / THEN muting bob (measured: the same 503 after ~3 s, his RPC topic has no listener)
        assertSdk503(() -> execute(sdk.rooms.mutePublishedTrack("room-a", "bob", "TR_x", true)));
    }
}
