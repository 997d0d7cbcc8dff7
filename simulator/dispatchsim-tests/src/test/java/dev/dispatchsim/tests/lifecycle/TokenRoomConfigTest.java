package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.RoomConfig;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.journal.JournalEvent.DispatchCreated;
import dev.dispatchsim.journal.JournalEvent.RoomCreated;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.AgentRequest;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.proto.AgentDispatch;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** A join token's roomConfig (reference 5.7) applies only when that join creates the room. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 47)
class TokenRoomConfigTest {

    private RoomApi api;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        api = new RoomApi(sim);
    }

    @Test
    void should_dispatch_the_token_agents_when_the_join_creates_the_room(LiveKitSimulator sim) {
        // GIVEN a worker for "token-agent" and no room yet
        try (FakeAgentWorker worker = Sims.worker(sim, "token-agent").connect()) {
            // WHEN a participant joins with a token whose roomConfig dispatches "token-agent" and sets timeouts
            RoomConfig config = new RoomConfig(120, 30, 5, "from-token", List.of(AgentRequest.named("token-agent")));
            sim.admin().addParticipant("tok-room", "carol", SimParticipant.human().withRoomConfig(config));

            // THEN the room is created by the join with the token's settings, and the agent is dispatched from the token
            assertThat(sim.journal().await(RoomCreated.class, r -> r.room().equals("tok-room"), WAIT).cause()).isEqualTo("join");
            DispatchCreated created = sim.journal().await(DispatchCreated.class, d -> d.room().equals("tok-room"), WAIT);
            assertThat(created.source()).isEqualTo(DispatchSource.TOKEN);
            assertThat(worker.nextAssignment(WAIT).getJob().getRoom().getName()).isEqualTo("tok-room");
            assertThat(api.listDispatch("tok-room").getAgentDispatchesList()).extracting(AgentDispatch::getAgentName)
                    .containsExactly("token-agent");
            var room = sim.admin().state().rooms().get(0).room();
            assertThat(room.emptyTimeout()).isEqualTo(120);
            assertThat(room.departureTimeout()).isEqualTo(30);
            assertThat(room.metadata()).isEqualTo("from-token");
        }
    }

    @Test
    void should_ignore_the_token_room_config_when_the_room_already_exists(LiveKitSimulator sim) {
        // GIVEN a live room created by the app without agents, and a worker for "token-agent"
        try (FakeAgentWorker worker = Sims.worker(sim, "token-agent").connect()) {
            api.createRoom("existing", null);

            // WHEN a participant joins with a token whose roomConfig dispatches "token-agent"
            sim.admin().addParticipant("existing", "dave", SimParticipant.human().withRoomConfig(RoomConfig.withAgents("token-agent")));

            // THEN nothing from the token applies: only the room's implicit dispatch exists, and the worker is not asked
            assertThat(api.listDispatch("existing").getAgentDispatchesList()).extracting(AgentDispatch::getAgentName)
                    .containsExactly("");
            assertThat(sim.journal().events(DispatchCreated.class)).extracting(DispatchCreated::source)
                    .containsExactly(DispatchSource.AUTOMATIC);
            worker.ping(1);
            worker.nextPong(WAIT);
            assertThat(worker.received()).extracting(ServerMessage::getMessageCase)
                    .containsExactly(ServerMessage.MessageCase.REGISTER, ServerMessage.MessageCase.PONG);
        }
    }
}
