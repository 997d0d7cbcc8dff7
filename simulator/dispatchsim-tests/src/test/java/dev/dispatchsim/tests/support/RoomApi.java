package dev.dispatchsim.tests.support;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.proto.AgentDispatch;
import dev.dispatchsim.proto.ListAgentDispatchResponse;
import dev.dispatchsim.proto.ListParticipantsResponse;
import dev.dispatchsim.proto.Room;

import java.net.http.HttpResponse;
import java.util.Map;

/**
 * RoomService and AgentDispatchService over real HTTP, shaped like the Node SDK (camelCase JSON, see
 * {@link TwirpHttp}), with the answers parsed into our protos. A non-200 answer fails with its body.
 */
public final class RoomApi {

    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private final TwirpHttp twirp;

    public RoomApi(LiveKitSimulator sim) {
        this.twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
    }

    /** CreateRoom with the given {@code agents} JSON array (e.g. {@code [{"agentName":"a"}]}), or none when null. */
    public Room createRoom(String room, String agentsJson) {
        String agents = agentsJson == null ? "" : ",\"agents\":" + agentsJson;
        return call("livekit.RoomService/CreateRoom", "{\"name\":\"" + room + "\"" + agents + "}",
                TwirpHttp.roomCreate(), Room.newBuilder());
    }

    public Room createRoomJson(String body) {
        return call("livekit.RoomService/CreateRoom", body, TwirpHttp.roomCreate(), Room.newBuilder());
    }

    public void deleteRoom(String room) {
        expectOk(twirp.json("livekit.RoomService/DeleteRoom", "{\"room\":\"" + room + "\"}", TwirpHttp.roomCreate()));
    }

    public ListParticipantsResponse listParticipants(String room) {
        return call("livekit.RoomService/ListParticipants", "{\"room\":\"" + room + "\"}", TwirpHttp.roomAdmin(room),
                ListParticipantsResponse.newBuilder());
    }

    public void removeParticipant(String room, String identity) {
        expectOk(twirp.json("livekit.RoomService/RemoveParticipant",
                "{\"room\":\"" + room + "\",\"identity\":\"" + identity + "\"}", TwirpHttp.roomAdmin(room)));
    }

    public AgentDispatch createDispatch(String room, String agentName, String metadata) {
        return call("livekit.AgentDispatchService/CreateDispatch", "{\"room\":\"" + room + "\",\"agentName\":\""
                + agentName + "\",\"metadata\":\"" + metadata + "\"}", TwirpHttp.roomAdmin(room), AgentDispatch.newBuilder());
    }

    public ListAgentDispatchResponse listDispatch(String room) {
        return call("livekit.AgentDispatchService/ListDispatch", "{\"room\":\"" + room + "\"}", TwirpHttp.roomAdmin(room),
                ListAgentDispatchResponse.newBuilder());
    }

    public AgentDispatch deleteDispatch(String room, String dispatchId) {
        return call("livekit.AgentDispatchService/DeleteDispatch", "{\"room\":\"" + room + "\",\"dispatchId\":\""
                + dispatchId + "\"}", TwirpHttp.roomAdmin(room), AgentDispatch.newBuilder());
    }

    @SuppressWarnings("unchecked")
    private <T extends Message> T call(String method, String body, Map<String, Object> video, Message.Builder into) {
        HttpResponse<String> response = expectOk(twirp.json(method, body, video));
        try {
            PARSER.merge(response.body(), into);
        } catch (InvalidProtocolBufferException unreadable) {
            throw new AssertionError(method + " answered JSON we cannot read: " + response.body(), unreadable);
        }
        return (T) into.build();
    }

    private static HttpResponse<String> expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
