package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import io.livekit.server.AccessToken;
import io.livekit.server.AgentDispatchServiceClient;
import io.livekit.server.RoomService;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.VideoGrant;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.protobuf.ProtoConverterFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The real Java SDK ({@code io.livekit:livekit-server} 0.13.0) pointed at a simulator: its two
 * clients, and its public Retrofit {@link RoomService} interface built the way the SDK builds it
 * internally, which is the only way to send CreateRoom with {@code agents} from this SDK.
 */
final class JavaSdk {

    final RoomServiceClient rooms;
    final AgentDispatchServiceClient dispatches;
    final RoomService roomService;
    private final LiveKitSimulator sim;

    JavaSdk(LiveKitSimulator sim) {
        this.sim = sim;
        this.rooms = RoomServiceClient.createClient(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
        this.dispatches = AgentDispatchServiceClient.createClient(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
        this.roomService = new Retrofit.Builder()
                .baseUrl(sim.httpUrl())
                .addConverterFactory(ProtoConverterFactory.create())
                .client(new OkHttpClient())
                .build()
                .create(RoomService.class);
    }

    /** "Bearer " + a token minted by the SDK's own AccessToken with these grants. */
    String bearer(VideoGrant... grants) {
        AccessToken token = new AccessToken(sim.apiKey(), sim.apiSecret());
        token.addGrants(grants);
        return "Bearer " + token.toJwt();
    }

    static <T> Response<T> execute(Call<T> call) {
        try {
            return call.execute();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The body of a call that must succeed; fails with the error body otherwise. */
    static <T> T ok(Call<T> call) {
        Response<T> response = execute(call);
        if (!response.isSuccessful()) {
            throw new AssertionError("HTTP " + response.code() + ": " + errorBody(response));
        }
        return response.body();
    }

    static String errorBody(Response<?> response) {
        try (var body = response.errorBody()) {
            return body == null ? "" : body.string();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
