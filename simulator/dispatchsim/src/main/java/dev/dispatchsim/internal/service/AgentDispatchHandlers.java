package dev.dispatchsim.internal.service;

import dev.dispatchsim.internal.auth.Claims;
import dev.dispatchsim.internal.auth.Grants;
import dev.dispatchsim.internal.engine.Engine;
import dev.dispatchsim.internal.twirp.TwirpMethod;
import dev.dispatchsim.model.AgentRequest;
import dev.dispatchsim.proto.AgentDispatch;
import dev.dispatchsim.proto.CreateAgentDispatchRequest;
import dev.dispatchsim.proto.DeleteAgentDispatchRequest;
import dev.dispatchsim.proto.ListAgentDispatchRequest;
import dev.dispatchsim.proto.ListAgentDispatchResponse;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** livekit.AgentDispatchService: roomAdmin + room grant (no agent grant needed), then engine commands. */
public final class AgentDispatchHandlers {

    public static final String SERVICE = "livekit.AgentDispatchService";

    private final Engine engine;

    public AgentDispatchHandlers(Engine engine) {
        this.engine = engine;
    }

    public List<TwirpMethod<?, ?>> methods() {
        return List.of(
                new TwirpMethod<>(SERVICE, "CreateDispatch", CreateAgentDispatchRequest.getDefaultInstance(), this::create),
                new TwirpMethod<>(SERVICE, "ListDispatch", ListAgentDispatchRequest.getDefaultInstance(), this::list),
                new TwirpMethod<>(SERVICE, "DeleteDispatch", DeleteAgentDispatchRequest.getDefaultInstance(), this::delete));
    }

    private CompletableFuture<AgentDispatch> create(CreateAgentDispatchRequest request, Claims claims) {
        Grants.requireRoomAdmin(claims, request.getRoom());
        RequestLimits.dispatch(request.getAgentName(), request.getDeployment(), request.getMetadata(), request.getAttributesMap());
        AgentRequest agent = new AgentRequest(request.getAgentName(), request.getMetadata(), request.getDeployment(),
                request.getAttributesMap());
        return engine.createDispatch(request.getRoom(), agent).thenApply(ProtoModels::dispatch);
    }

    private CompletableFuture<ListAgentDispatchResponse> list(ListAgentDispatchRequest request, Claims claims) {
        Grants.requireRoomAdmin(claims, request.getRoom());
        return engine.listDispatch(request.getRoom(), request.getDispatchId()).thenApply(list -> ListAgentDispatchResponse
                .newBuilder().addAllAgentDispatches(list.stream().map(ProtoModels::dispatch).toList()).build());
    }

    private CompletableFuture<AgentDispatch> delete(DeleteAgentDispatchRequest request, Claims claims) {
        Grants.requireRoomAdmin(claims, request.getRoom());
        return engine.deleteDispatch(request.getRoom(), request.getDispatchId()).thenApply(ProtoModels::dispatch);
    }
}
