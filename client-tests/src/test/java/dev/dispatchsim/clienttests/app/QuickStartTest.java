package dev.dispatchsim.clienttests.app;

// tag::quickstart[]
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.ParticipantJoined;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.junit.SimulatorRuntimeInfo;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.testkit.FakeAgentWorker;
import io.livekit.server.AgentDispatchServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.assertions.SimulatorAssertions.assertThat;

@Timeout(30)
@LiveKitSimulatorTest
class QuickStartTest {

    @Test
    void should_deliver_the_agent_when_the_app_dispatches_it(LiveKitSimulator sim, SimulatorRuntimeInfo info)
            throws Exception {
        // GIVEN an agent worker for "stt-agent" (a real worker would get LIVEKIT_URL = info.wsUrl())
        try (FakeAgentWorker worker = FakeAgentWorker.builder(info.wsUrl(), info.apiKey(), info.apiSecret())
                .agentName("stt-agent").connect()) {

            // WHEN the app dispatches the agent with the real LiveKit server SDK
            AgentDispatchServiceClient dispatches =
                    AgentDispatchServiceClient.createClient(info.httpUrl(), info.apiKey(), info.apiSecret());
            dispatches.createDispatch("checkout-42", "stt-agent", "{\"order\":42}").execute();

            // THEN the worker got the job, and the agent joined the room (1.5 s after the assignment, as a real
            // agent does): ground truth, not what the API claims
            worker.nextAssignment(Duration.ofSeconds(5));
            sim.journal().await(ParticipantJoined.class, joined -> joined.kind() == ParticipantKind.AGENT,
                    Duration.ofSeconds(5));
            assertThat(sim).room("checkout-42").hasAgent("stt-agent")
                    .dispatchFor("stt-agent").job().wasDelivered();
        }
    }
}
// end::quickstart[]
