package dev.dispatchsim.tests.e2e;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.AvailabilityRequest;
import dev.dispatchsim.proto.JobAssignment;
import dev.dispatchsim.proto.JobStatus;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
// The wire shapes are the point here, not the timeline: the job listed and the agent in the room at assignment.
@LiveKitSimulatorTest(seed = 42, listingLagMillis = 0, agentJoinDelayMillis = 0)
class DispatchOverSocketsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private TwirpHttp twirp;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
    }

    @Test
    void should_deliver_job_to_named_worker_when_room_is_created_with_agents(LiveKitSimulator sim) {
        // GIVEN a registered worker for stt-agent
        try (FakeAgentWorker worker = FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret())
                .agentName("stt-agent").connect()) {
            // WHEN the app creates a room with agents, as the Node SDK sends it
            HttpResponse<String> created = twirp.json("livekit.RoomService/CreateRoom",
                    "{\"name\":\"room-a\",\"emptyTimeout\":60,\"agents\":[{\"agentName\":\"stt-agent\",\"metadata\":\"{\\\"lang\\\":\\\"en\\\"}\"}]}",
                    TwirpHttp.roomCreate());

            // THEN the worker is asked (job already JS_RUNNING) and assigned
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(created.body()).contains("\"name\":\"room-a\"").contains("\"empty_timeout\":60");
            AvailabilityRequest request = worker.nextAvailabilityRequest(WAIT);
            assertThat(request.getJob().getState().getStatus()).isEqualTo(JobStatus.JS_RUNNING);
            assertThat(request.getJob().getAgentName()).isEqualTo("stt-agent");
            JobAssignment assignment = worker.nextAssignment(WAIT);
            assertThat(assignment.getJob().getId()).isEqualTo(request.getJob().getId());
            assertThat(assignment.hasUrl()).isFalse();
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(request.getJob().getId()), WAIT);

            // AND ListDispatch shows the job JS_RUNNING, and the agent is a participant
            HttpResponse<String> listed = twirp.json("livekit.AgentDispatchService/ListDispatch",
                    "{\"room\":\"room-a\"}", TwirpHttp.roomAdmin("room-a"));
            assertThat(listed.body()).contains("\"status\":\"JS_RUNNING\"").contains(request.getJob().getId());
            HttpResponse<String> participants = twirp.json("livekit.RoomService/ListParticipants",
                    "{\"room\":\"room-a\"}", TwirpHttp.roomAdmin("room-a"));
            assertThat(participants.body()).contains("\"kind\":\"AGENT\"").contains("agent-" + request.getJob().getId());
        }
    }
}
