package dev.dispatchsim.clienttests.app;

import io.livekit.server.AccessToken;
import io.livekit.server.AgentDispatchServiceClient;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomService;
import io.livekit.server.RoomServiceClient;
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
import java.util.List;

/**
 * The calls the app makes, on the real Java SDK (io.livekit:livekit-server 0.13.0). Its
 * RoomServiceClient.createRoom has no {@code agents} parameter, so CreateRoom goes through the SDK's
 * own Retrofit interface {@link RoomService} with a RoomCreate token, as real-clients.md §4 shows.
 */
public final class LiveKitApi {

    private final String apiKey;
    private final String apiSecret;
    private final RoomService roomService;
    private final RoomServiceClient rooms;
    private final AgentDispatchServiceClient dispatches;

    public LiveKitApi(String url, String apiKey, String apiSecret) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.roomService = new Retrofit.Builder().baseUrl(url.endsWith("/") ? url : url + "/")
                .addConverterFactory(ProtoConverterFactory.create()).client(new OkHttpClient()).build()
                .create(RoomService.class);
        this.rooms = RoomServiceClient.createClient(url, apiKey, apiSecret);
        this.dispatches = AgentDispatchServiceClient.createClient(url, apiKey, apiSecret);
    }

    public ApiResult<Room> createRoomWithAgent(String room, String agentName, String metadata) {
        CreateRoomRequest request = CreateRoomRequest.newBuilder().setName(room)
                .addAgents(RoomAgentDispatch.newBuilder().setAgentName(agentName).setMetadata(metadata)).build();
        AccessToken token = new AccessToken(apiKey, apiSecret);
        token.addGrants(new RoomCreate(true));
        return execute(roomService.createRoom(request, "Bearer " + token.toJwt()));
    }

    public ApiResult<List<ParticipantInfo>> listParticipants(String room) {
        return execute(rooms.listParticipants(room));
    }

    public ApiResult<Void> deleteRoom(String room) {
        return execute(rooms.deleteRoom(room));
    }

    public ApiResult<AgentDispatch> createDispatch(String room, String agentName, String metadata) {
        return execute(dispatches.createDispatch(room, agentName, metadata));
    }

    public ApiResult<List<AgentDispatch>> listDispatch(String room) {
        return execute(dispatches.listDispatch(room));
    }

    public ApiResult<AgentDispatch> deleteDispatch(String room, String dispatchId) {
        return execute(dispatches.deleteDispatch(room, dispatchId));
    }

    private static <T> ApiResult<T> execute(Call<T> call) {
        try {
            Response<T> response = call.execute();
            if (response.isSuccessful()) {
                return ApiResult.ok(response.body());
            }
            try (var body = response.errorBody()) {
                return ApiResult.failed(response.code(), body == null ? "" : body.string());
            }
        } catch (IOException unreachable) {
            return ApiResult.unreachable(unreachable);
        }
    }
}
