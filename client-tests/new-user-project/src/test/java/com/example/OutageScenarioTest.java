package com.example;

// tag::scenario[]
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.ParticipantJoined;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.junit.SimulatorRuntimeInfo;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.testkit.FakeAgentWorker;
import io.livekit.server.AgentDispatchServiceClient;
import livekit.LivekitAgentDispatch.AgentDispatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Response;

import java.time.Duration;

import static dev.dispatchsim.assertions.SimulatorAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(30)
@LiveKitSimulatorTest
class OutageScenarioTest {

    @Test
    @FaultProfile("classpath:outage.yaml") // src/test/resources/outage.yaml: down until the 2nd CreateDispatch
    void should_get_the_agent_when_the_app_retries_through_an_outage(LiveKitSimulator sim, SimulatorRuntimeInfo info)
            throws Exception {
        try (FakeAgentWorker worker = FakeAgentWorker.builder(info.wsUrl(), info.apiKey(), info.apiSecret())
                .agentName("stt-agent").connect()) {
            AgentDispatchServiceClient dispatches =
                    AgentDispatchServiceClient.createClient(info.httpUrl(), info.apiKey(), info.apiSecret());

            // WHEN the app retries CreateDispatch until it works (its own retry policy, at most 3 tries)
            Response<AgentDispatch> answer = null;
            for (int attempt = 1; attempt <= 3 && (answer == null || !answer.isSuccessful()); attempt++) {
                answer = dispatches.createDispatch("checkout-9", "stt-agent").execute();
            }

            // THEN the third try got through and the agent joined (a moment after its assignment)
            assertEquals(200, answer.code());
            worker.nextAssignment(Duration.ofSeconds(5));
            sim.journal().await(ParticipantJoined.class, joined -> joined.kind() == ParticipantKind.AGENT,
                    Duration.ofSeconds(5));
            assertThat(sim).room("checkout-9").hasAgent("stt-agent");
            // AND the app called exactly as a retrying app should: two failures, then one success
            assertThat(sim).twirpCalls().method("CreateDispatch").forRoom("checkout-9").hasSize(3);
            assertThat(sim).twirpCalls().method("CreateDispatch").failedWith("unavailable").hasSize(2);
            assertEquals("recovered", sim.admin().state().scenarioState());
        }
    }
}
// end::scenario[]
