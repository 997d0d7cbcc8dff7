package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.AvailabilityRequest;
import dev.dispatchsim.proto.JobAssignment;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import io.livekit.server.RoomCreate;
import livekit.LivekitAgent;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitModels;
import livekit.LivekitRoom.CreateRoomRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static dev.dispatchsim.clienttests.JavaSdk.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job flow as an app on the Java SDK sees it, with a worker on the other side of /agent, on virtual time:
 * the agent joins 1.5 s after its assignment, and the first launch after the worker registered is listed 5 s
 * after it.
 */
@Timeout(60)
@LiveKitSimulatorTest(seed = 5, clock = ClockMode.MANUAL)
class JavaSdkDispatchFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private LiveKitSimulator sim;
    private ManualClock clock;
    private JavaSdk sdk;
    private FakeAgentWorker worker;

    @BeforeEach
    void start(LiveKitSimulator sim, ManualClock clock) {
        this.sim = sim;
        this.clock = clock;
        sdk = new JavaSdk(sim);
        worker = FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret()).agentName("stt-agent").connect();
    }

    @AfterEach
    void stop() {
        worker.close();
    }

    /** The worker is offered a job already JS_RUNNING, then assigned it; returns the job id. */
    private String awaitJob() {
        AvailabilityRequest offer = worker.nextAvailabilityRequest(WAIT);
        assertThat(offer.getJob().getState().getStatus()).isEqualTo(dev.dispatchsim.proto.JobStatus.JS_RUNNING);
        JobAssignment assignment = worker.nextAssignment(WAIT);
        assertThat(assignment.getJob().getId()).isEqualTo(offer.getJob().getId());
        sim.journal().await(JobAssigned.class, a -> a.jobId().equals(offer.getJob().getId()), WAIT);
        return offer.getJob().getId();
    }

    @Test
    void should_run_the_job_and_keep_it_when_a_room_with_agents_is_created_and_deleted() {
        // GIVEN CreateRoom with agents through the SDK's Retrofit RoomService (its client has no agents parameter)
        CreateRoomRequest request = CreateRoomRequest.newBuilder().setName("room-a")
                .addAgents(RoomAgentDispatch.newBuilder().setAgentName("stt-agent").setMetadata("{\"lang\":\"en\"}"))
                .build();
        LivekitModels.Room room = ok(sdk.roomService.createRoom(request, sdk.bearer(new RoomCreate(true))));
        assertThat(room.getName()).isEqualTo("room-a");

        // WHEN the worker takes the job, and the listing lag of this first launch has passed
        String jobId = awaitJob();
        clock.advance(Duration.ofSeconds(5));

        // THEN ListDispatch through the SDK shows it JS_RUNNING with the room's metadata
        List<AgentDispatch> dispatches = ok(sdk.dispatches.listDispatch("room-a"));
        assertThat(dispatches).singleElement().satisfies(d -> {
            assertThat(d.getAgentName()).isEqualTo("stt-agent");
            assertThat(d.getMetadata()).isEqualTo("{\"lang\":\"en\"}");
            assertThat(d.getState().getJobsList()).singleElement().satisfies(job -> {
                assertThat(job.getId()).isEqualTo(jobId);
                assertThat(job.getState().getStatus()).isEqualTo(LivekitAgent.JobStatus.JS_RUNNING);
            });
        });

        // AND ListParticipants through the SDK shows the agent
        List<LivekitModels.ParticipantInfo> participants = ok(sdk.rooms.listParticipants("room-a"));
        assertThat(participants).singleElement().satisfies(p -> {
            assertThat(p.getIdentity()).isEqualTo("agent-" + jobId);
            assertThat(p.getKind()).isEqualTo(LivekitModels.ParticipantInfo.Kind.AGENT);
        });

        // WHEN the room is deleted through the SDK, THEN the room is gone, and the worker gets no JobTermination
        // (as on livekit-server): a pong asked for afterwards comes with none before it
        ok(sdk.rooms.deleteRoom("room-a"));
        assertThat(ok(sdk.rooms.listRooms())).isEmpty();
        worker.ping(1);
        worker.nextPong(WAIT);
        assertThat(worker.received()).noneMatch(ServerMessage::hasTermination);
    }

    @Test
    void should_dispatch_and_terminate_when_create_and_delete_dispatch_are_called() {
        // GIVEN a room created by the SDK client (no agents: the implicit dispatch is for unnamed workers)
        ok(sdk.rooms.createRoom("room-a"));

        // WHEN a dispatch is created through the SDK
        AgentDispatch created = ok(sdk.dispatches.createDispatch("room-a", "stt-agent", "{\"user\":\"u1\"}"));

        // THEN it comes back at once without jobs, and the worker gets the job
        assertThat(created.getId()).startsWith("AD_");
        assertThat(created.getState().getJobsCount()).isZero();
        String jobId = awaitJob();
        assertThat(ok(sdk.dispatches.listDispatch("room-a"))).extracting(AgentDispatch::getId).contains(created.getId());
        clock.advance(Duration.ofSeconds(5)); // the first launch's listing lag: its launch is over after it

        // WHEN it is deleted, THEN it is returned, gone from the list, and its job is terminated
        AgentDispatch deleted = ok(sdk.dispatches.deleteDispatch("room-a", created.getId()));
        assertThat(deleted.getId()).isEqualTo(created.getId());
        assertThat(ok(sdk.dispatches.listDispatch("room-a"))).extracting(AgentDispatch::getId)
                .doesNotContain(created.getId());
        assertThat(worker.nextTermination(WAIT).getJobId()).isEqualTo(jobId);
    }
}
