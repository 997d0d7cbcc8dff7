package dev.dispatchsim.clienttests.app;

// tag::faults[]
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.junit.SimulatorRuntimeInfo;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;
import io.livekit.server.AgentDispatchServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.assertions.SimulatorAssertions.assertThat;

@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42)
class LateAgentTest {

    @Test
    @FaultProfile("late-delivery")
    void should_get_the_agent_late_when_dispatches_are_delayed(LiveKitSimulator sim, SimulatorRuntimeInfo info,
                                                                VirtualTime time) throws Exception {
        // GIVEN an agent worker, and the late-delivery profile: every dispatch starts 6-16 s late (seeded)
        try (FakeAgentWorker worker = FakeAgentWorker.builder(info.wsUrl(), info.apiKey(), info.apiSecret())
                .agentName("stt-agent").connect()) {

            // WHEN the app dispatches the agent
            AgentDispatchServiceClient.createClient(info.httpUrl(), info.apiKey(), info.apiSecret())
                    .createDispatch("checkout-42", "stt-agent").execute();

            // THEN nobody is there yet, and 16 s of virtual time later (milliseconds of real time) the agent is
            assertThat(sim).room("checkout-42").hasNoAgent("stt-agent");
            time.advance(Duration.ofSeconds(16));
            assertThat(sim).room("checkout-42").hasAgent("stt-agent");
            assertThat(sim).hasAppliedFault("deliver-6-to-16s-late");
        }
    }
}
// end::faults[]
