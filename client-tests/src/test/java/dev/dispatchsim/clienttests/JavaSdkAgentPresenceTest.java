package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.ActionDropped;
import dev.dispatchsim.journal.JournalEvent.JobStatusUpdated;
import dev.dispatchsim.journal.JournalEvent.JobTerminated;
import dev.dispatchsim.journal.JournalEvent.ParticipantJoined;
import dev.dispatchsim.journal.JournalEvent.ParticipantLeft;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.testkit.FakeAgentWorker;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static dev.dispatchsim.clienttests.JavaSdk.ok;
import static dev.dispatchsim.clienttests.Timeline.AGENT;
import static dev.dispatchsim.clienttests.Timeline.WAIT;
import static dev.dispatchsim.clienttests.Timeline.assigned;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent participant is in the room only while its job runs, as measured on livekit-server 1.13.5 with the
 * real Node worker: it joins 1.5 s after the JobAssignment, leaves within 1 s of the job ending (a final status
 * report, the worker's socket closing), never appears when the worker goes first, and is counted only while
 * present. DeleteRoom sends the worker no JobTermination, whether the agent had joined or not.
 */
@Timeout(60)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 17)
class JavaSdkAgentPresenceTest {

    private LiveKitSimulator sim;
    private ManualClock clock;
    private JavaSdk sdk;
    private FakeAgentWorker worker;

    @BeforeEach
    void start(LiveKitSimulator sim, ManualClock clock) {
        this.sim = sim;
        this.clock = clock;
        sdk = new JavaSdk(sim);
        worker = Timeline.worker(sim);
        ok(sdk.rooms.createRoom("room-a"));
    }

    @AfterEach
    void stop() {
        worker.close();
    }

    /** The app dispatches the agent and the worker gets the job; returns the job id. */
    private String jobAssigned() {
        ok(sdk.dispatches.createDispatch("room-a", AGENT, ""));
        return assigned(sim, worker);
    }

    private List<ParticipantInfo> participants() {
        return ok(sdk.rooms.listParticipants("room-a"));
    }

    private int numParticipants() {
        List<Room> rooms = ok(sdk.rooms.listRooms(List.of("room-a")));
        return rooms.get(0).getNumParticipants();
    }

    @Test
    void should_join_1_5_seconds_after_the_assignment_and_be_counted_only_from_then_on() {
        // GIVEN a job just assigned
        String jobId = jobAssigned();

        // WHEN 1.499 s pass, THEN nobody is in the room yet
        clock.advance(Duration.ofMillis(1499));
        assertThat(participants()).isEmpty();
        assertThat(numParticipants()).isZero();

        // WHEN 1.5 s have passed, THEN the agent is there (kind AGENT, its job's identity) and counted
        clock.advance(Duration.ofMillis(1));
        assertThat(participants()).singleElement().satisfies(p -> {
            assertThat(p.getIdentity()).isEqualTo("agent-" + jobId);
            assertThat(p.getKind()).isEqualTo(ParticipantInfo.Kind.AGENT);
        });
        assertThat(numParticipants()).isEqualTo(1);
    }

    @Test
    void should_leave_a_second_after_the_worker_reports_js_success() {
        // GIVEN an agent in the room
        String jobId = jobAssigned();
        clock.advance(Duration.ofMillis(1500));

        // WHEN its worker reports the job done
        worker.updateJobStatus(jobId, dev.dispatchsim.proto.JobStatus.JS_SUCCESS, "");
        sim.journal().await(JobStatusUpdated.class, u -> u.jobId().equals(jobId), WAIT);

        // THEN the agent is there for 1 s more, then gone and no longer counted; no JobTermination was due
        clock.advance(Duration.ofMillis(999));
        assertThat(participants()).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(participants()).isEmpty();
        assertThat(numParticipants()).isZero();
        Timeline.assertNoTerminationSoFar(worker);
    }

    @Test
    void should_leave_a_second_after_the_worker_socket_closes() {
        // GIVEN an agent in the room
        jobAssigned();
        clock.advance(Duration.ofMillis(1500));
        String workerId = worker.workerId();

        // WHEN the worker's socket closes (its job processes go with it)
        worker.close();
        sim.journal().await(WorkerDisconnected.class, d -> d.workerId().equals(workerId), WAIT);

        // THEN the agent leaves 1 s later
        clock.advance(Duration.ofMillis(999));
        assertThat(participants()).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(participants()).isEmpty();
    }

    @Test
    void should_never_appear_when_the_worker_closes_before_the_join_delay() {
        // GIVEN a job just assigned
        String jobId = jobAssigned();
        String workerId = worker.workerId();

        // WHEN the worker's socket closes half a second later
        clock.advance(Duration.ofMillis(500));
        worker.close();
        sim.journal().await(WorkerDisconnected.class, d -> d.workerId().equals(workerId), WAIT);
        clock.advance(Duration.ofSeconds(10));

        // THEN no agent ever joined; the journal says why
        assertThat(participants()).isEmpty();
        assertThat(sim.journal().events(ParticipantJoined.class)).isEmpty();
        assertThat(sim.journal().events(ActionDropped.class)).singleElement().satisfies(dropped -> {
            assertThat(dropped.hookPoint()).isEqualTo("agent_join");
            assertThat(dropped.jobId()).isEqualTo(jobId);
            assertThat(dropped.reason()).isEqualTo("job no longer running");
        });
    }

    @Test
    void should_send_no_job_termination_when_the_room_is_deleted_after_the_agent_joined() {
        // GIVEN an agent in the room
        String jobId = jobAssigned();
        clock.advance(Duration.ofMillis(1500));

        // WHEN the app deletes the room
        ok(sdk.rooms.deleteRoom("room-a"));

        // THEN the agent left with the room, the worker got no JobTermination, and its job still runs
        assertThat(sim.journal().await(ParticipantLeft.class, p -> p.identity().equals("agent-" + jobId), WAIT).reason())
                .isEqualTo("ROOM_DELETED");
        Timeline.assertNoTerminationSoFar(worker);
        assertThat(sim.journal().events(JobTerminated.class)).isEmpty();
        assertThat(sim.admin().workers().get(0).runningJobIds()).containsExactly(jobId);
    }

    @Test
    void should_send_no_job_termination_when_the_room_is_deleted_before_the_agent_joined() {
        // GIVEN a job just assigned, its agent not in the room yet
        String jobId = jobAssigned();

        // WHEN the app deletes the room, and the join delay passes
        ok(sdk.rooms.deleteRoom("room-a"));
        clock.advance(Duration.ofSeconds(2));

        // THEN the worker got no JobTermination, and the agent never joined (its room was gone)
        Timeline.assertNoTerminationSoFar(worker);
        assertThat(sim.journal().events(ParticipantJoined.class)).isEmpty();
        assertThat(sim.journal().events(ActionDropped.class)).extracting(ActionDropped::jobId, ActionDropped::reason)
                .containsExactly(org.assertj.core.api.Assertions.tuple(jobId, "room no longer live"));
    }

    @Test
    void should_let_the_test_make_the_agent_join_and_leave_by_hand() {
        // GIVEN a job just assigned
        String jobId = jobAssigned();

        // WHEN the test makes its agent join at once, through the admin API
        sim.admin().addParticipant("room-a", "agent-" + jobId, SimParticipant.human().withKind(ParticipantKind.AGENT));

        // THEN it is in the room, and the join the delay would have made does not add a second one
        assertThat(participants()).extracting(ParticipantInfo::getIdentity).containsExactly("agent-" + jobId);
        clock.advance(Duration.ofSeconds(2));
        assertThat(participants()).hasSize(1);

        // WHEN the test makes it leave, THEN it is the job's agent: the worker is told to end the job (JS_FAILED)
        sim.admin().removeParticipant("room-a", "agent-" + jobId);
        assertThat(worker.nextTermination(WAIT).getJobId()).isEqualTo(jobId);
        assertThat(sim.journal().await(JobTerminated.class, t -> t.jobId().equals(jobId), WAIT).status())
                .isEqualTo(JobStatus.JS_FAILED);
    }
}
