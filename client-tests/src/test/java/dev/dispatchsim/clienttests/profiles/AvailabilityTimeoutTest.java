package dev.dispatchsim.clienttests.profiles;

import dev.dispatchsim.clienttests.profiles.support.Journals;
import dev.dispatchsim.clienttests.profiles.support.ProfileScenario;
import dev.dispatchsim.clienttests.profiles.support.Truth;
import dev.dispatchsim.clienttests.profiles.support.Workers;
import dev.dispatchsim.journal.JournalEvent.AvailabilityAnswered;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.SimulatorState.Phase;
import livekit.LivekitAgentDispatch.AgentDispatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static dev.dispatchsim.clienttests.profiles.support.Journals.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Profile availability-timeout (A4): the first AvailabilityResponse is lost, the server times out after 10 s, the job is gone. */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "availability-timeout")
class AvailabilityTimeoutTest extends ProfileScenario {

    private static final String RULE = "lose-first-availability-answer";

    @Test
    void should_lose_the_job_without_retry_when_the_first_availability_answer_is_lost() {
        // GIVEN a room whose job the worker accepts, but whose answer the profile loses
        assertThat(app.createRoomWithAgent("room-a", AGENT, "").isSuccessful()).isTrue();
        String lostJob = worker.nextAvailabilityRequest(WAIT).getJob().getId();
        FaultApplied lost = Journals.await(sim, FaultApplied.class, f -> f.rule().equals(RULE));
        assertThat(lost.hookPoint()).isEqualTo("availability_response");
        assertThat(lost.targets()).containsEntry("job", lostJob).containsEntry("worker", worker.workerId());

        // WHEN the server's 10 s availability timeout passes
        clock.advance(Duration.ofSeconds(10));

        // THEN the journal: timed out, undeliverable, not retried; the answer itself was never processed
        assertThat(Journals.events(sim, AvailabilityTimedOut.class, t -> t.jobId().equals(lostJob))).hasSize(1);
        assertThat(Journals.events(sim, DispatchUndeliverable.class, u -> u.jobId().equals(lostJob)))
                .singleElement().satisfies(u -> assertThat(u.reason()).contains("not retried"));
        assertThat(sim.journal().events(AvailabilityAnswered.class)).isEmpty();
        // AND the app sees a dispatch without any job (the real server lists jobs only once assigned)
        AgentDispatch dispatch = app.listDispatch("room-a").get(0);
        assertThat(dispatch.getState().getJobsList()).isEmpty();
        assertThat(Truth.job(sim, "room-a", dispatch.getId()).phase()).isEqualTo(Phase.UNDELIVERABLE);

        // WHEN the app creates a second room
        assertThat(app.createRoomWithAgent("room-b", AGENT, "").isSuccessful()).isTrue();
        // THEN that one goes through ("later jobs are unaffected")
        String secondJob = worker.nextAvailabilityRequest(WAIT).getJob().getId();
        assertThat(worker.nextAssignment(WAIT).getJob().getId()).isEqualTo(secondJob);
        // AND by then the worker had been offered both jobs but assigned only the second
        assertThat(Workers.offeredJobIds(worker)).isEqualTo(List.of(lostJob, secondJob));
        assertThat(Workers.assignedJobIds(worker)).isEqualTo(List.of(secondJob));
    }
}
