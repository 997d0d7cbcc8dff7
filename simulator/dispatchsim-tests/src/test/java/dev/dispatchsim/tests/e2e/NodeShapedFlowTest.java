package dev.dispatchsim.tests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.AvailabilityRequest;
import dev.dispatchsim.proto.JobStatus;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.dispatchsim.tests.support.TwirpAnswers.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Node SDK's captured session (server-sdk-node-requests.txt), request for request: camelCase JSON,
 * {@code application/json;charset=UTF-8}, a Node-style token per call, against a live agent worker.
 */
@Timeout(30)
// The wire shapes are the point here, not the timeline: jobs listed and agents in the room at assignment.
@LiveKitSimulatorTest(seed = 42, listingLagMillis = 0, agentJoinDelayMillis = 0)
class NodeShapedFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private TwirpHttp twirp;
    private FakeAgentWorker worker;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
        worker = FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret()).agentName("stt-agent").connect();
    }

    @AfterEach
    void stop() {
        worker.close();
    }

    private JsonNode dispatchCall(String method, String body) {
        return okJson(twirp.json("livekit.AgentDispatchService/" + method, body, TwirpHttp.roomAdmin("room-a")));
    }

    /** Waits until the worker has the job and the server has recorded the assignment. */
    private String awaitAssignedJob(LiveKitSimulator sim) {
        AvailabilityRequest offer = worker.nextAvailabilityRequest(WAIT);
        assertThat(offer.getJob().getState().getStatus()).isEqualTo(JobStatus.JS_RUNNING);
        worker.nextAssignment(WAIT);
        String jobId = offer.getJob().getId();
        sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);
        return jobId;
    }

    @Test
    void should_serve_the_captured_node_session_when_a_worker_takes_the_jobs(LiveKitSimulator sim) {
        // GIVEN the captured CreateRoom with agents
        JsonNode room = okJson(twirp.json("livekit.RoomService/CreateRoom", "{\"name\":\"room-a\",\"emptyTimeout\":60,"
                + "\"agents\":[{\"agentName\":\"stt-agent\",\"metadata\":\"{\\\"lang\\\":\\\"en\\\","
                + "\\\"backend\\\":\\\"http://127.0.0.1:9000\\\"}\"}]}", TwirpHttp.roomCreate()));
        assertThat(room.get("empty_timeout").asInt()).isEqualTo(60);
        String roomJob = awaitAssignedJob(sim);

        // WHEN the session goes on: ListRooms twice, CreateDispatch, ListDispatch, getDispatch
        assertThat(okJson(twirp.json("livekit.RoomService/ListRooms", "{}", TwirpHttp.roomList())).get("rooms")).hasSize(1);
        assertThat(okJson(twirp.json("livekit.RoomService/ListRooms", "{\"names\":[\"room-a\"]}", TwirpHttp.roomList()))
                .get("rooms").get(0).get("sid").asText()).isEqualTo(room.get("sid").asText());
        JsonNode created = dispatchCall("CreateDispatch",
                "{\"agentName\":\"stt-agent\",\"room\":\"room-a\",\"metadata\":\"{\\\"user\\\":\\\"u1\\\"}\"}");
        String dispatchJob = awaitAssignedJob(sim);
        JsonNode listed = dispatchCall("ListDispatch", "{\"room\":\"room-a\"}").get("agent_dispatches");
        JsonNode one = dispatchCall("ListDispatch", "{\"dispatchId\":\"" + created.get("id").asText()
                + "\",\"room\":\"room-a\"}").get("agent_dispatches");

        // THEN both dispatches show their job JS_RUNNING, and getDispatch finds the new one
        assertThat(listed).hasSize(2);
        assertThat(listed).allSatisfy(d -> {
            assertThat(d.get("state").get("jobs")).hasSize(1);
            assertThat(d.get("state").get("jobs").get(0).get("state").get("status").asText()).isEqualTo("JS_RUNNING");
        });
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("state").get("jobs").get(0).get("id").asText()).isEqualTo(dispatchJob);
        assertThat(one.get(0).get("state").get("jobs").get(0).has("participant")).isFalse();

        // AND both agents are participants of the room
        JsonNode participants = okJson(twirp.json("livekit.RoomService/ListParticipants", "{\"room\":\"room-a\"}",
                TwirpHttp.roomAdmin("room-a"))).get("participants");
        assertThat(participants).extracting(p -> p.get("identity").asText())
                .containsExactlyInAnyOrder("agent-" + roomJob, "agent-" + dispatchJob);
        assertThat(participants).allSatisfy(p -> assertThat(p.get("kind").asText()).isEqualTo("AGENT"));

        // WHEN the dispatch is deleted, THEN its job is terminated
        JsonNode deleted = dispatchCall("DeleteDispatch", "{\"dispatchId\":\"" + created.get("id").asText()
                + "\",\"room\":\"room-a\"}");
        assertThat(deleted.get("id").asText()).isEqualTo(created.get("id").asText());
        assertThat(worker.nextTermination(WAIT).getJobId()).isEqualTo(dispatchJob);

        // WHEN the room is deleted, THEN the answer is {}, and the room's job gets no JobTermination (as on
        // livekit-server): a pong the worker asks for afterwards arrives with no termination before it
        HttpResponse<String> deleteRoom = twirp.json("livekit.RoomService/DeleteRoom", "{\"room\":\"room-a\"}",
                TwirpHttp.roomCreate());
        assertThat(okJson(deleteRoom).size()).isZero();
        assertThat(deleteRoom.body()).isEqualTo("{}");
        worker.ping(7);
        worker.nextPong(WAIT);
        assertThat(worker.received()).filteredOn(ServerMessage::hasTermination)
                .extracting(m -> m.getTermination().getJobId()).containsExactly(dispatchJob);
    }
}
