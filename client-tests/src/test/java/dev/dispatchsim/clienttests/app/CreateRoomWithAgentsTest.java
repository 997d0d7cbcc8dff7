package dev.dispatchsim.clienttests.app;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.RoomConfig;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.journal.JournalEvent.ParticipantJoined;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.junit.SimulatorRuntimeInfo;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.testkit.FakeAgentWorker;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.livekit.server.RoomService;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitModels.Room;
import livekit.LivekitRoom.CreateRoomRequest;
import livekit.LivekitRoom.RoomConfiguration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.protobuf.ProtoConverterFactory;

import java.time.Duration;

import static dev.dispatchsim.assertions.SimulatorAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
@LiveKitSimulatorTest
class CreateRoomWithAgentsTest {

    @Test
    void should_dispatch_the_agent_when_the_app_creates_the_room_with_agents(LiveKitSimulator sim,
                                                                          SimulatorRuntimeInfo info) throws Exception {
        try (FakeAgentWorker worker = FakeAgentWorker.builder(info.wsUrl(), info.apiKey(), info.apiSecret())
                .agentName("stt-agent").connect()) {
            // tag::retrofit[]
            // RoomServiceClient.createRoom has no agents parameter in SDK 0.13.0: call the SDK's own Retrofit
            // interface, RoomService (POST /twirp/livekit.RoomService/CreateRoom, protobuf body)
            RoomService rooms = new Retrofit.Builder().baseUrl(info.httpUrl())
                    .addConverterFactory(ProtoConverterFactory.create())
                    .client(new OkHttpClient())
                    .build().create(RoomService.class);
            AccessToken token = new AccessToken(info.apiKey(), info.apiSecret());
            token.addGrants(new RoomCreate(true));
            CreateRoomRequest request = CreateRoomRequest.newBuilder().setName("checkout-7")
                    .addAgents(RoomAgentDispatch.newBuilder().setAgentName("stt-agent").setMetadata("{\"order\":7}"))
                    .build();
            Response<Room> created = rooms.createRoom(request, "Bearer " + token.toJwt()).execute();
            // end::retrofit[]

            assertTrue(created.isSuccessful(), () -> "CreateRoom answered " + created.code());
            worker.nextAssignment(Duration.ofSeconds(5));
            awaitAgent(sim, "checkout-7");
            assertThat(sim).room("checkout-7").hasAgent("stt-agent")
                    .dispatchFor("stt-agent").hasSource(DispatchSource.CREATE_ROOM).job().wasDelivered();
        }
    }

    @Test
    void should_dispatch_the_agent_when_a_participant_joins_with_a_token_that_names_it(LiveKitSimulator sim,
                                                                                    SimulatorRuntimeInfo info) {
        try (FakeAgentWorker worker = FakeAgentWorker.builder(info.wsUrl(), info.apiKey(), info.apiSecret())
                .agentName("stt-agent").connect()) {
            // tag::token[]
            // The app's backend: a join token whose room configuration dispatches the agent when the join creates the room
            RoomConfiguration roomConfig = RoomConfiguration.newBuilder()
                    .addAgents(RoomAgentDispatch.newBuilder().setAgentName("stt-agent"))
                    .build();
            AccessToken joinToken = new AccessToken(info.apiKey(), info.apiSecret());
            joinToken.setIdentity("customer-7");
            joinToken.addGrants(new RoomJoin(true), new RoomName("checkout-8"));
            joinToken.setRoomConfiguration(roomConfig);
            String jwt = joinToken.toJwt(); // handed to the frontend

            // The simulator has no media (/rtc): the frontend's join, with that room configuration, is simulated
            sim.admin().addParticipant("checkout-8", joinToken.getIdentity(), SimParticipant.human()
                    .withRoomConfig(RoomConfig.withAgents(roomConfig.getAgentsList().stream()
                            .map(RoomAgentDispatch::getAgentName).toArray(String[]::new))));
            // end::token[]

            assertTrue(!jwt.isEmpty());
            worker.nextAssignment(Duration.ofSeconds(5));
            awaitAgent(sim, "checkout-8");
            assertThat(sim).room("checkout-8").hasAgent("stt-agent")
                    .dispatchFor("stt-agent").hasSource(DispatchSource.TOKEN).job().wasDelivered();
        }
    }

    /** The agent joins its room 1.5 s after the assignment, as a real agent does: wait for it, never sleep. */
    private static void awaitAgent(LiveKitSimulator sim, String room) {
        sim.journal().await(ParticipantJoined.class,
                joined -> joined.room().equals(room) && joined.kind() == ParticipantKind.AGENT, Duration.ofSeconds(5));
    }
}
