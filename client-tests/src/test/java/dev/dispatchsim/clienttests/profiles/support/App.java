package dev.dispatchsim.clienttests.profiles.support;

import dev.dispatchsim.LiveKitSimulator;
import io.livekit.server.AccessToken;
import io.livekit.server.AgentDispatchServiceClient;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomService;
import io.livekit.server.RoomServiceClient;
import livekit.LivekitAgent;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitRoom.CreateRoomRequest;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.protobuf.ProtoConverterFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The app under test, reduced to the calls the profiles' scenarios make, all through the real Java
 * server SDK (io.livekit:livekit-server 0.13.0). Its RoomServiceClient has no {@code agents}
 * parameter, so CreateRoom with agents goes through the SDK's own Retrofit interface, as an app
 * would (see reference/real-clients.md section 4.1).
 */
public final class App {

    private final String apiKey;
    private final String apiSecret;
    private final RoomServiceClient rooms;
    private final AgentDispatchServiceClient dispatches;
    private final RoomService roomService;

    private App(LiveKitSimulator sim) {
        this.apiKey = sim.apiKey();
        this.apiSecret = sim.apiSecret();
        this.rooms = RoomServiceClient.createClient(sim.httpUrl(), apiKey, apiSecret);
        this.dispatches = AgentDispatchServiceClient.createClient(sim.httpUrl(), apiKey, apiSecret);
        this.roomService = new Retrofit.Builder().baseUrl(sim.httpUrl())
                .addConverterFactory(ProtoConverterFactory.create())
                .client(new OkHttpClient())
                .build().create(RoomService.class);
    }

    public static App of(LiveKitSimulator sim) {
        return new App(sim);
    }

    /** CreateRoom{name, agents: [{agentName, metadata}]}, as the Node app of report A0 does it. */
    public Response<Room> createRoomWithAgent(String room, String agentName, String metadata) {
        CreateRoomRequest request = CreateRoomRequest.newBuilder().setName(room)
                .addAgents(RoomAgentDispatch.newBuilder().setAgentName(agentName).setMetadata(metadata))
                .build();
        AccessToken token = new AccessToken(apiKey, apiSecret);
        token.addGrants(new RoomCreate(true));
        return execute(roomService.createRoom(request, "Bearer " + token.toJwt()));
    }

    public Response<AgentDispatch> createDispatch(String room, String agentName, String metadata) {
        return execute(dispatches.createDispatch(room, agentName, metadata));
    }

    /** ListDispatch; fails the test if the call itself fails. */
    public List<AgentDispatch> listDispatch(String room) {
        return ok(execute(dispatches.listDispatch(room)), "ListDispatch " + room);
    }

    public List<ParticipantInfo> listParticipants(String room) {
        return ok(execute(rooms.listParticipants(room)), "ListParticipants " + room);
    }

    public List<Room> listRooms() {
        return ok(execute(rooms.listRooms()), "ListRooms");
    }

    public void deleteRoom(String room) {
        Response<Void> response = execute(rooms.deleteRoom(room));
        if (!response.isSuccessful()) {
            throw new AssertionError("DeleteRoom " + room + " failed: " + Responses.describe(response));
        }
    }

    /** The status of each job a dispatch lists, as the app reads it. */
    public static List<LivekitAgent.JobStatus> statuses(AgentDispatch dispatch) {
        return dispatch.getState().getJobsList().stream().map(job -> job.getState().getStatus()).toList();
    }

    private static <T> T ok(Response<T> response, String what) {
        if (!response.isSuccessful()) {
            throw new AssertionError(what + " failed: " + Responses.describe(response));
        }
        return response.body();
    }

    private static <T> Response<T> execute(Call<T> call) {
        try {
            return call.execute();
        } catch (IOException failure) {
            throw new UncheckedIOException(call.request().url() + " failed", failure);
        }
    }
}
