package dev.dispatchsim.clienttests.profiles;

import dev.dispatchsim.clienttests.profiles.support.Journals;
import dev.dispatchsim.clienttests.profiles.support.ProfileScenario;
import dev.dispatchsim.clienttests.profiles.support.Truth;
import dev.dispatchsim.clienttests.profiles.support.Workers;
import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.SimulatorState.JobView;
import dev.dispatchsim.testkit.FakeAgentWorker;
import livekit.LivekitAgent;
import livekit.LivekitAgentDispatch.AgentDispatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static dev.dispatchsim.clienttests.profiles.support.Journals.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Profile worker-socket-drop (A6): instead of the third JobAssignment the server closes the worker socket with 1011. */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "worker-socket-drop")
class WorkerSocketDropTest extends ProfileScenario {

    private static final String RULE = "close-socket-on-third-assignment";

    @Test
    void should_close_the_worker_socket_with_1011_instead_of_the_third_assignment() {
        // GIVEN two rooms whose jobs are assigned normally
        List<String> jobs = new ArrayList<>();
        for (String room : List.of("room-1", "room-2")) {
            assertThat(app.createRoomWithAgent(room, AGENT, "").isSuccessful()).isTrue();
            worker.nextAvailabilityRequest(WAIT);
            jobs.add(worker.nextAssignment(WAIT).getJob().getId());
        }

        // WHEN the app creates a third room
        assertThat(app.createRoomWithAgent("room-3", AGENT, "").isSuccessful()).isTrue();

        // THEN the worker is offered the job, accepts, and then sees its socket closed with 1011
        jobs.add(worker.nextAvailabilityRequest(WAIT).getJob().getId());
        FakeAgentWorker.Closed closed = worker.awaitClosed(WAIT);
        assertThat(closed.code()).isEqualTo(1011);
        assertThat(closed.reason()).isEqualTo("internal error");
        assertThat(closed.remote()).isTrue();
        assertThat(Workers.assignedJobIds(worker)).isEqualTo(jobs.subList(0, 2));
        // AND the journal: the rule fired on the third assignment, the worker was dropped with all its jobs
        FaultApplied fault = Journals.faults(sim, RULE).get(0);
        assertThat(fault.hookPoint()).isEqualTo("job_assignment");
        assertThat(fault.effect()).isEqualTo(new AppliedEffect.Disconnected(1011, "internal error"));
        assertThat(fault.targets()).containsEntry("job", jobs.get(2)).containsEntry("occurrence", "3");
        WorkerDisconnected gone = Journals.await(sim, WorkerDisconnected.class, d -> true);
        assertThat(gone.code()).isEqualTo(1011);
        assertThat(gone.forgottenJobIds()).containsExactlyElementsOf(jobs);
        assertThat(Journals.await(sim, JobAssigned.class, a -> a.jobId().equals(jobs.get(2))).delivered()).isFalse();
        // AND the app is told the lost job runs, while the truth says it never reached a worker
        AgentDispatch dispatch = app.listDispatch("room-3").get(0);
        assertThat(dispatch.getState().getJobsList()).extracting(j -> j.getState().getStatus())
                .containsExactly(LivekitAgent.JobStatus.JS_RUNNING);
        JobView truth = Truth.job(sim, "room-3", dispatch.getId());
        assertThat(truth.delivered()).isFalse();
        assertThat(truth.reportedStatus()).isEqualTo(JobStatus.JS_RUNNING);
        assertThat(app.listParticipants("room-3")).isEmpty();
    }

    @Test
    void should_serve_a_reconnected_worker_normally_and_not_redispatch_the_lost_job() {
        // GIVEN the socket was dropped on the third assignment
        for (String room : List.of("room-1", "room-2", "room-3")) {
            assertThat(app.createRoomWithAgent(room, AGENT, "").isSuccessful()).isTrue();
        }
        assertThat(worker.awaitClosed(WAIT).code()).isEqualTo(1011);

        // WHEN the worker reconnects and the app creates another room
        try (FakeAgentWorker reconnected = Workers.registered(sim, AGENT)) {
            assertThat(app.createRoomWithAgent("room-4", AGENT, "").isSuccessful()).isTrue();

            // THEN the new connection gets that job assigned, and only that one
            String jobId = reconnected.nextAvailabilityRequest(WAIT).getJob().getId();
            assertThat(reconnected.nextAssignment(WAIT).getJob().getId()).isEqualTo(jobId);
            assertThat(Workers.offeredRooms(reconnected)).containsExactly("room-4");
            assertThat(Journals.faults(sim, RULE)).hasSize(1);
        }
    }
}
