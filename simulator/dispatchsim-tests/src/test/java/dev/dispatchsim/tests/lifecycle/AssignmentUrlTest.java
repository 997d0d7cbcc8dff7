package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.JobAssignment;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** JobAssignment.url: omitted by default like the OSS server (SDKs fall back to LIVEKIT_URL), set when configured. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 89)
class AssignmentUrlTest {

    @Test
    void should_omit_the_url_when_none_is_configured(LiveKitSimulator sim) {
        // GIVEN a simulator with default settings
        try (FakeAgentWorker worker = Sims.worker(sim, "u").connect()) {
            // WHEN a job is assigned
            new RoomApi(sim).createRoom("u-room", "[{\"agentName\":\"u\"}]");
            JobAssignment assignment = worker.nextAssignment(WAIT);

            // THEN the optional url field is absent, not just empty
            assertThat(assignment.hasUrl()).isFalse();
        }
    }

    @Test
    void should_send_the_configured_url_when_one_is_set() {
        // GIVEN a simulator told to put its own ws URL into assignments
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(89).assignmentUrl("ws://127.0.0.1:7880").start();
             FakeAgentWorker worker = Sims.worker(sim, "u").connect()) {
            // WHEN a job is assigned
            new RoomApi(sim).createRoom("u-room", "[{\"agentName\":\"u\"}]");

            // THEN the url is that one
            JobAssignment assignment = worker.nextAssignment(WAIT);
            assertThat(assignment.hasUrl()).isTrue();
            assertThat(assignment.getUrl()).isEqualTo("ws://127.0.0.1:7880");
        }
    }
}
