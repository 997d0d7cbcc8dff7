package dev.dispatchsim.tests.testkit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.support.RoomApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fake worker's wait that runs out says what the worker did receive, so the failure explains itself. */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 3)
class WorkerWaitMessagesTest {

    @Test
    @FaultProfile(yaml = """
            name: assignment-dropped
            rules:
              - name: drop-assignment
                at: job_assignment
                do: drop
            """)
    void should_list_what_arrived_when_an_expected_assignment_never_comes(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN a worker that was asked about a job whose JobAssignment a rule drops
        try (FakeAgentWorker worker = FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret())
                .agentName("stt-agent").connect()) {
            new RoomApi(sim).createRoom("r1", "[{\"agentName\":\"stt-agent\"}]");
            time.settle();
            String jobId = worker.nextAvailabilityRequest(Duration.ofSeconds(5)).getJob().getId();

            // WHEN the test waits for the assignment
            // THEN the failure lists the messages the worker got, with the job they were about
            assertThatThrownBy(() -> worker.nextAssignment(Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("worker 'stt-agent' got no JobAssignment within 200 ms; socket open, received so far: "
                            + "[REGISTER, AVAILABILITY(" + jobId + " in 'r1')]");
        }
    }
}
