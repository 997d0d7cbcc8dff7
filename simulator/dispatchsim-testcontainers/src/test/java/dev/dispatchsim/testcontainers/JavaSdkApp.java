package dev.dispatchsim.testcontainers;

import io.livekit.server.AccessToken;
import io.livekit.server.AgentDispatchServiceClient;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomService;
import io.livekit.server.RoomServiceClient;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitModels.Room;
import livekit.LivekitRoom.CreateRoomRequest;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.protobuf.ProtoConverterFactory;

import java.io.IOException;
import java.util.List;

/**
 * An app's calls through the real Java server SDK (io.livekit:livekit-server) at the container's
 * mapped port. The SDK's RoomServiceClient has no {@code agents} parameter, so CreateRoom with agents
 * goes through the SDK's own Retrofit interface, as an app would send it.
 */
final class JavaSdkApp {

    private final DispatchSimContainer sim;
    private final AgentDispatchServiceClient dispatches;
    private final RoomServiceClient rooms;
    private final RoomService roomService;

    JavaSdkApp(DispatchSimContainer sim) {
        this.sim = sim;
        this.dispatches = AgentDispatchServiceClient.createClient(sim.getHttpUrl(), sim.getApiKey(), sim.getApiSecret());
        this.rooms = RoomServiceClient.createClient(sim.getHttpUrl(), sim.getApiKey(), sim.getApiSecret());
        this.roomService = new Retrofit.Builder().baseUrl(sim.getHttpUrl())
                .addConverterFactory(ProtoConverterFactory.create()).client(new OkHttpClient())
                .build().create(RoomService.class);
    }

    /** CreateRoom{name, agents: [{agentName, metadata}]}. */
    Room createRoomWithAgent(String room, String agentName, String metadata) {
        CreateRoomRequest request = CreateRoomRequest.newBuilder().setName(room)
                .addAgents(RoomAgentDispatch.newBuilder().setAgentName(agentName).setMetadata(metadata)).build();
        AccessToken token = new AccessToken(sim.getApiKey(), sim.getApiSecret());
        token.addGrants(new RoomCreate(true));
        return ok(roomService.createRoom(request, "Bearer " + token.toJwt()), "CreateRoom " + room);
    }

    AgentDispatch createDispatch(String room, String agentName, String metadata) {
        return ok(dispatches.createDispatch(room, agentName, metadata), "CreateDispatch " + room);
    }

    List<AgentDispatch> listDispatch(String room) {
        return ok(dispatches.listDispatch(room), "ListDispatch " + room);
    }

    void deleteRoom(String room) {
        ok(rooms.deleteRoom(room), "DeleteRoom " + room);
    }

    /** The body of a call that must succeed; fails with the status and the error body otherwise. */
    private static <T> T ok(Call<T> call, String what) {
        try {
            Response<T> response = call.execute();
            if (!response.isSuccessful()) {
                try (var body = response.errorBody()) {
                    throw new AssertionError(what + ": HTTP " + response.code() + " " + (body == null ? "" : body.string()));
                }
            }
            return response.body();
        } catch (IOException failed) {
            throw new AssertionError(what + " failed: " + failed, failed);
        }
    }
}
