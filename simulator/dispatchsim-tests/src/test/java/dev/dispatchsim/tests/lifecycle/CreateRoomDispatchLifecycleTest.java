package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.JobTerminated;
import dev.dispatchsim.journal.JournalEvent.ParticipantLeft;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.AgentDispatch;
import dev.dispatchsim.proto.Job;
import dev.dispatchsim.proto.JobAssignment;
import dev.dispatchsim.proto.JobStatus;
import dev.dispatchsim.proto.JobType;
import dev.dispatchsim.proto.ParticipantInfo;
import dev.dispatchsim.proto.Room;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The whole dispatch lifecycle over real sockets (reference 5.4): CreateRoom with agents → AvailabilityRequest
 * (already JS_RUNNING) → JobAssignment → the agent joins 1.5 s later, ListDispatch lists the job 5 s later (the
 * first launch after a registration) → DeleteRoom: the agent leaves with the room, the worker gets no JobTermination.
 */
@Timeout(30)
@LiveKitSimulatorTest(seed = 42, clock = ClockMode.MANUAL)
class CreateRoomDispatchLifecycleTest {

    private RoomApi api;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        api = new RoomApi(sim);
    }

    @Test
    void should_offer_assign_list_and_keep_the_job_when_room_is_created_with_agents_then_deleted(LiveKitSimulator sim,
                                                                                                ManualClock clock) {
        // GIVEN a worker for stt-agent
        try (FakeAgentWorker worker = Sims.worker(sim, "stt-agent").connect()) {
            // WHEN the app creates a room with that agent
            Room room = api.createRoomJson("{\"name\":\"call-1\",\"agents\":[{\"agentName\":\"stt-agent\","
                    + "\"metadata\":\"{\\\"lang\\\":\\\"en\\\"}\"}]}");

            // THEN the worker is asked first, with the job already JS_RUNNING and stamped with its worker id
            Job offered = worker.nextAvailabilityRequest(WAIT).getJob();
            assertThat(offered.getId()).startsWith("AJ_");
            assertThat(offered.getDispatchId()).startsWith("AD_");
            assertThat(offered.getType()).isEqualTo(JobType.JT_ROOM);
            assertThat(offered.getAgentName()).isEqualTo("stt-agent");
            assertThat(offered.getMetadata()).isEqualTo("{\"lang\":\"en\"}");
            assertThat(offered.getRoom().getName()).isEqualTo("call-1");
            assertThat(offered.getRoom().getSid()).isEqualTo(room.getSid());
            assertThat(offered.getState().getStatus()).isEqualTo(JobStatus.JS_RUNNING);
            assertThat(offered.getState().getWorkerId()).isEqualTo(worker.workerId());
            assertThat(offered.getState().getStartedAt()).isPositive().isEqualTo(offered.getState().getUpdatedAt());
            assertThat(offered.getState().getParticipantIdentity()).isEmpty();

            // AND then assigned, with the identity it asked for and a token, and no url (as the OSS server)
            JobAssignment assignment = worker.nextAssignment(WAIT);
            String identity = "agent-" + offered.getId();
            assertThat(assignment.getJob().getId()).isEqualTo(offered.getId());
            assertThat(assignment.getJob().getState().getParticipantIdentity()).isEqualTo(identity);
            assertThat(assignment.getToken()).isNotEmpty();
            assertThat(assignment.hasUrl()).isFalse();
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(offered.getId()), WAIT);
            clock.advance(Duration.ofSeconds(5));

            // AND ListDispatch shows the job JS_RUNNING under its dispatch
            AgentDispatch dispatch = api.listDispatch("call-1").getAgentDispatches(0);
            assertThat(dispatch.getId()).isEqualTo(offered.getDispatchId());
            assertThat(dispatch.getAgentName()).isEqualTo("stt-agent");
            assertThat(dispatch.getState().getJobsList()).singleElement().satisfies(job -> {
                assertThat(job.getId()).isEqualTo(offered.getId());
                assertThat(job.getState().getStatus()).isEqualTo(JobStatus.JS_RUNNING);
                assertThat(job.getState().getParticipantIdentity()).isEqualTo(identity);
                assertThat(job.getState().getWorkerId()).isEqualTo(worker.workerId());
                // the times stamped at the offer, untouched by the assignment (as livekit-server's copy)
                assertThat(job.getState().getStartedAt()).isEqualTo(offered.getState().getStartedAt());
                assertThat(job.getState().getUpdatedAt()).isEqualTo(offered.getState().getUpdatedAt());
                assertThat(job.getState().getEndedAt()).isZero();
            });

            // AND ListParticipants shows the simulated agent: kind AGENT, ACTIVE, with lk.agent_name added
            ParticipantInfo agent = api.listParticipants("call-1").getParticipants(0);
            assertThat(agent.getIdentity()).isEqualTo(identity);
            assertThat(agent.getKind()).isEqualTo(ParticipantInfo.Kind.AGENT);
            assertThat(agent.getState()).isEqualTo(ParticipantInfo.State.ACTIVE);
            assertThat(agent.getName()).isEqualTo("stt-agent");
            assertThat(agent.getAttributesMap()).containsOnly(entry("lk.agent_name", "stt-agent"),
                    entry("lk.agent.name", "stt-agent"));

            // WHEN the app deletes the room
            api.deleteRoom("call-1");

            // THEN the agent left with the room, but the worker is not told to end the job (measured on
            // livekit-server): a pong asked for afterwards comes with no termination before it, the job still runs
            assertThat(sim.journal().await(ParticipantLeft.class, p -> p.identity().equals(identity), WAIT).reason())
                    .isEqualTo("ROOM_DELETED");
            worker.ping(1);
            worker.nextPong(WAIT);
            assertThat(worker.received()).noneMatch(ServerMessage::hasTermination);
            assertThat(sim.journal().events(JobTerminated.class)).isEmpty();
            assertThat(sim.admin().workers().get(0).runningJobIds()).containsExactly(offered.getId());
        }
    }
}
