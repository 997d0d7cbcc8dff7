package dev.dispatchsim.internal.service;

import dev.dispatchsim.internal.auth.Claims;
import dev.dispatchsim.internal.auth.Grants;
import dev.dispatchsim.internal.engine.Engine;
import dev.dispatchsim.internal.engine.RoomSpec;
import dev.dispatchsim.internal.model.ApiException;
import dev.dispatchsim.internal.twirp.TwirpMethod;
import dev.dispatchsim.model.AgentRequest;
import dev.dispatchsim.model.ErrorCode;
import dev.dispatchsim.proto.CreateRoomRequest;
import dev.dispatchsim.proto.DeleteRoomRequest;
import dev.dispatchsim.proto.DeleteRoomResponse;
import dev.dispatchsim.proto.ListParticipantsRequest;
import dev.dispatchsim.proto.ListParticipantsResponse;
import dev.dispatchsim.proto.ListRoomsRequest;
import dev.dispatchsim.proto.ListRoomsResponse;
import dev.dispatchsim.proto.MuteRoomTrackRequest;
import dev.dispatchsim.proto.MuteRoomTrackResponse;
import dev.dispatchsim.proto.PerformRpcRequest;
import dev.dispatchsim.proto.PerformRpcResponse;
import dev.dispatchsim.proto.RemoveParticipantResponse;
import dev.dispatchsim.proto.RoomAgentDispatch;
import dev.dispatchsim.proto.RoomParticipantIdentity;
import dev.dispatchsim.proto.SendDataRequest;
import dev.dispatchsim.proto.SendDataResponse;
import dev.dispatchsim.proto.UpdateParticipantRequest;
import dev.dispatchsim.proto.UpdateRoomMetadataRequest;
import dev.dispatchsim.proto.UpdateSubscriptionsRequest;
import dev.dispatchsim.proto.UpdateSubscriptionsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** livekit.RoomService: each RPC checks its grant as the real server does, then becomes an engine command. */
public final class RoomServiceHandlers {

    public static final String SERVICE = "livekit.RoomService";

    private final Engine engine;

    public RoomServiceHandlers(Engine engine) {
        this.engine = engine;
    }

    public List<TwirpMethod<?, ?>> methods() {
        return List.of(
                new TwirpMethod<>(SERVICE, "CreateRoom", CreateRoomRequest.getDefaultInstance(), this::createRoom),
                new TwirpMethod<>(SERVICE, "ListRooms", ListRoomsRequest.getDefaultInstance(), this::listRooms),
                new TwirpMethod<>(SERVICE, "DeleteRoom", DeleteRoomRequest.getDefaultInstance(), this::deleteRoom),
                new TwirpMethod<>(SERVICE, "ListParticipants", ListParticipantsRequest.getDefaultInstance(), this::listParticipants),
                new TwirpMethod<>(SERVICE, "GetParticipant", RoomParticipantIdentity.getDefaultInstance(), this::getParticipant),
                new TwirpMethod<>(SERVICE, "RemoveParticipant", RoomParticipantIdentity.getDefaultInstance(), this::removeParticipant),
                new TwirpMethod<>(SERVICE, "UpdateParticipant", UpdateParticipantRequest.getDefaultInstance(), this::updateParticipant),
                new TwirpMethod<>(SERVICE, "MutePublishedTrack", MuteRoomTrackRequest.getDefaultInstance(), this::mute),
                new TwirpMethod<>(SERVICE, "UpdateSubscriptions", UpdateSubscriptionsRequest.getDefaultInstance(), this::updateSubscriptions),
                new TwirpMethod<>(SERVICE, "SendData", SendDataRequest.getDefaultInstance(), this::sendData),
                new TwirpMethod<>(SERVICE, "UpdateRoomMetadata", UpdateRoomMetadataRequest.getDefaultInstance(), this::updateRoomMetadata),
                new TwirpMethod<>(SERVICE, "PerformRpc", PerformRpcRequest.getDefaultInstance(), this::performRpc));
    }

    /** The real handler's order: grant, name length, metadata, each agent's metadata and attributes. */
    private CompletableFuture<dev.dispatchsim.proto.Room> createRoom(CreateRoomRequest request, Claims claims) {
        Grants.requireRoomCreate(claims);
        RequestLimits.roomName(request.getName());
        RequestLimits.metadata(request.getMetadata());
        List<AgentRequest> agents = new ArrayList<>();
        for (RoomAgentDispatch agent : request.getAgentsList()) {
            RequestLimits.metadata(agent.getMetadata());
            RequestLimits.attributes(agent.getAttributesMap());
            agents.add(new AgentRequest(agent.getAgentName(), agent.getMetadata(), agent.getDeployment(), agent.getAttributesMap()));
        }
        RoomSpec spec = new RoomSpec(request.getName(), request.getEmptyTimeout(), request.getDepartureTimeout(),
                request.getMaxParticipants(), request.getMetadata(), agents);
        if (request.getRoomPreset().isEmpty()) {
            return engine.createRoom(spec).thenApply(ProtoModels::room);
        }
        // No presets are configured, so a preset fails, but only when the room is not live: a live
        // room is returned before the real server ever looks the preset up.
        return engine.listRooms(List.of(request.getName())).thenCompose(live -> {
            if (live.isEmpty()) {
                throw ApiException.internalRpc(ErrorCode.INVALID_ARGUMENT, "unknown room configuration in create room request");
            }
            return engine.createRoom(spec);
        }).thenApply(ProtoModels::room);
    }

    private CompletableFuture<ListRoomsResponse> listRooms(ListRoomsRequest request, Claims claims) {
        Grants.requireRoomList(claims);
        return engine.listRooms(request.getNamesList()).thenApply(rooms -> ListRoomsResponse.newBuilder()
                .addAllRooms(rooms.stream().map(ProtoModels::room).toList()).build());
    }

    private CompletableFuture<DeleteRoomResponse> deleteRoom(DeleteRoomRequest request, Claims claims) {
        Grants.requireRoomCreate(claims);
        return engine.deleteRoom(request.getRoom()).thenApply(done -> DeleteRoomResponse.getDefaultInstance());
    }

    private CompletableFuture<ListParticipantsResponse> listParticipants(ListParticipantsRequest request, Claims claims) {
        Grants.requireRoomAdmin(claims, request.getRoom());
        return engine.listParticipants(request.getRoom()).thenApply(list -> ListParticipantsResponse.newBuilder()
                .addAllParticipants(list.stream().map(ProtoModels::participant).toList()).build());
    }

    private CompletableFuture<dev.dispatchsim.proto.ParticipantInfo> getParticipant(RoomParticipantIdentity request, Claims claims) {
        Grants.requireRoomAdmin(claims, request.getRoom());
        return engine.getParticipant(request.getRoom(), request.getIdentity()).thenApply(ProtoModels::participant);
    }

    private CompletableFuture<RemoveParticipantResponse> removeParticipant(RoomParticipantIdentity request, Claims claims) {
        Grants.requireRoomAdmin(claims, request.getRoom());
        return engine.removeParticipant(request.getRoom(), request.getIdentity())
                .thenApply(done -> RemoveParticipantResponse.getDefaultInstance());
    }

    /** Limits before the grant check, as the real handler does. */
    private CompletableFuture<dev.dispatchsim.proto.ParticipantInfo> updateParticipant(UpdateParticipantRequest request, Claims claims) {
        RequestLimits.participantName(request.getName());
        RequestLimits.metadata(request.getMetadata());
        RequestLimits.attributes(request.getAttributesMap());
        Grants.requireRoomAdmin(claims, request.getRoom());
        return engine.updateParticipant(request.getRoom(), request.getIdentity(), request.getMetadata(), request.getName(),
                        request.getAttributesMap(),
                        request.hasPermission() ? ProtoModels.permissions(request.getPermission()) : null)
                .thenApply(ProtoModels::participant);
    }

    private CompletableFuture<MuteRoomTrackResponse> mute(MuteRoomTrackRequest request, Claims claims) {
        Grants.requireRoomAdmin(claims, request.getRoom());
        return engine.mutePublishedTrack(request.getRoom(), request.getIdentity(), request.getTrackSid(), request.getMuted())
                .thenApply(track -> MuteRoomTrackResponse.newBuilder().setTrack(ProtoModels.track(track)).build());
    }

    private CompletableFuture<UpdateSubscriptionsResponse> updateSubscriptions(UpdateSubscriptionsRequest request, Claims claims) {
        Grants.requireRoomAdmin(claims, request.getRoom());
        return engine.updateSubscriptions(request.getRoom(), request.getIdentity(), request.getTrackSidsList())
                .thenApply(done -> UpdateSubscriptionsResponse.getDefaultInstance());
    }

    private CompletableFuture<SendDataResponse> sendData(SendDataRequest request, Claims claims) {
        Grants.requireRoomAdmin(claims, request.getRoom());
        return engine.sendData(request.getRoom(), request.getData().size(), request.hasTopic() ? request.getTopic() : "",
                request.getNonce().size()).thenApply(done -> SendDataResponse.getDefaultInstance());
    }

    /** Served for what it can tell without a participant client: no live room or no such participant (503). */
    private CompletableFuture<PerformRpcResponse> performRpc(PerformRpcRequest request, Claims claims) {
        Grants.requireRoomAdmin(claims, request.getRoom());
        return engine.performRpc(request.getRoom(), request.getDestinationIdentity(), request.getMethod())
                .thenApply(done -> PerformRpcResponse.getDefaultInstance());
    }

    private CompletableFuture<dev.dispatchsim.proto.Room> updateRoomMetadata(UpdateRoomMetadataRequest request, Claims claims) {
        RequestLimits.metadata(request.getMetadata());
        Grants.requireRoomAdmin(claims, request.getRoom());
        return engine.updateRoomMetadata(request.getRoom(), request.getMetadata()).thenApply(ProtoModels::room);
    }
}
