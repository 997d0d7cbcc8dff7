package dev.dispatchsim.clienttests.profiles;

import dev.dispatchsim.clienttests.profiles.support.Journals;
import dev.dispatchsim.clienttests.profiles.support.ProfileScenario;
import dev.dispatchsim.clienttests.profiles.support.Truth;
import dev.dispatchsim.clienttests.profiles.support.Workers;
import dev.dispatchsim.journal.JournalEvent.JobStatusUpdated;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.SimulatorState.JobView;
import dev.dispatchsim.model.SimulatorState.Phase;
import livekit.LivekitAgent;
import livekit.LivekitAgentDispatch.AgentDispatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static dev.dispatchsim.clienttests.profiles.support.Journals.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Profile false-running-status (A2): every second offer is dropped, yet ListDispatch reports every job JS_RUNNING. */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "false-running-status")
class FalseRunningStatusTest extends ProfileScenario {

    @Test
    void should_report_js_running_for_delivered_finished_and_never_delivered_jobs_alike() {
        // GIVEN three rooms: the second one's offer is dropped
        List<String> rooms = List.of("room-1", "room-2", "room-3");
        rooms.forEach(room -> assertThat(app.createRoomWithAgent(room, AGENT, "").isSuccessful()).isTrue());
        String firstJob = worker.nextAssignment(WAIT).getJob().getId();
        worker.nextAssignment(WAIT);
        assertThat(Workers.offeredRooms(worker)).containsExactly("room-1", "room-3");
        // AND the first job has finished, as the worker reports
        worker.updateJobStatus(firstJob, dev.dispatchsim.proto.JobStatus.JS_SUCCESS, "");
        Journals.await(sim, JobStatusUpdated.class, u -> u.jobId().equals(firstJob));
        // AND the server has given the never-offered job up
        clock.advance(Duration.ofSeconds(10));

        // WHEN the app asks ListDispatch about each room
        List<AgentDispatch> reported = rooms.stream().map(room -> app.listDispatch(room).get(0)).toList();

        // THEN every room has one job, and every one of them "runs"
        assertThat(reported).allSatisfy(d -> assertThat(d.getState().getJobsList())
                .extracting(j -> j.getState().getStatus()).containsExactly(LivekitAgent.JobStatus.JS_RUNNING));
        // AND the truth differs: finished, never delivered, running
        JobView finished = Truth.job(sim, "room-1", reported.get(0).getId());
        JobView lost = Truth.job(sim, "room-2", reported.get(1).getId());
        JobView running = Truth.job(sim, "room-3", reported.get(2).getId());
        assertThat(finished.trueStatus()).isEqualTo(JobStatus.JS_SUCCESS);
        assertThat(lost.phase()).isEqualTo(Phase.UNDELIVERABLE);
        assertThat(lost.delivered()).isFalse();
        assertThat(running.trueStatus()).isEqualTo(JobStatus.JS_RUNNING);
        assertThat(List.of(finished, lost, running)).extracting(JobView::reportedStatus).containsOnly(JobStatus.JS_RUNNING);
        // AND the journal: the drop hit the second offer; each ListDispatch answer was a fault-made report
        assertThat(Journals.faults(sim, "drop-every-second-offer"))
                .extracting(f -> f.targets().get("room"), f -> f.targets().get("occurrence"))
                .containsExactly(tuple("room-2", "2"));
        assertThat(Journals.faultRooms(sim, "always-claim-running")).containsExactlyElementsOf(rooms);
    }
}
