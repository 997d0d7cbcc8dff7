package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.ActionDropped;
import dev.dispatchsim.journal.JournalEvent.AvailabilityRequested;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.JobTerminated;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.profile.Profile;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.AvailabilityPolicy;
import dev.dispatchsim.testkit.FakeAgentWorker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.clienttests.JavaSdk.ok;
import static dev.dispatchsim.clienttests.Timeline.AGENT;
import static dev.dispatchsim.clienttests.Timeline.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Faults that put an action off keep the timeline honest: the availability window starts when the request is
 * really sent (livekit-server writes it, then starts its timer), and every delayed or duplicated action checks,
 * when its time comes, that the job still wants it; if not, it is dropped and the journal says why.
 */
@Timeout(60)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 19)
class JavaSdkDelayedFaultsTest {

    private LiveKitSimulator sim;
    private ManualClock clock;
    private JavaSdk sdk;

    @BeforeEach
    void start(LiveKitSimulator sim, ManualClock clock) {
        this.sim = sim;
        this.clock = clock;
        sdk = new JavaSdk(sim);
        ok(sdk.rooms.createRoom("room-a"));
    }

    private void profile(String hook, String effect) {
        sim.loadProfile(Profile.fromYaml("name: put-off\nrules:\n  - name: put-off-" + hook.replace('_', '-')
                + "\n    at: " + hook + "\n    do: " + effect + "\n"));
    }

    private String dispatch() {
        return ok(sdk.dispatches.createDispatch("room-a", AGENT, "")).getId();
    }

    @Test
    void should_give_the_worker_its_full_window_when_the_request_went_out_12_seconds_late() {
        // GIVEN AvailabilityRequests delayed 12 s, and a worker that answers by hand
        profile("availability_request", "{type: delay, fixed: 12s}");
        try (FakeAgentWorker worker = FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret())
                .agentName(AGENT).policy(AvailabilityPolicy.ignore()).connect()) {
            dispatch();

            // WHEN the request finally goes out at 12 s, and the worker says yes 2.5 s after that
            sim.journal().await(FaultApplied.class, f -> f.hookPoint().equals("availability_request"), WAIT);
            clock.advance(Duration.ofSeconds(12));
            String jobId = worker.nextAvailabilityRequest(WAIT).getJob().getId();
            clock.advance(Duration.ofMillis(2500));
            Timeline.accept(worker, jobId);

            // THEN the job is assigned: the window ran from the real send, not from before the delay
            assertThat(worker.nextAssignment(WAIT).getJob().getId()).isEqualTo(jobId);
            assertThat(sim.journal().events(AvailabilityTimedOut.class)).isEmpty();
        }
    }

    @Test
    void should_not_send_a_delayed_request_when_its_dispatch_was_deleted_meanwhile() {
        // GIVEN AvailabilityRequests delayed 5 s, and a dispatch whose request is on hold
        profile("availability_request", "{type: delay, fixed: 5s}");
        try (FakeAgentWorker worker = Timeline.worker(sim)) {
            String dispatchId = dispatch();
            sim.journal().await(FaultApplied.class, f -> f.hookPoint().equals("availability_request"), WAIT);

            // WHEN the app deletes the dispatch, and the delay ends
            clock.advance(Duration.ofSeconds(1));
            ok(sdk.dispatches.deleteDispatch("room-a", dispatchId));
            clock.advance(Duration.ofSeconds(4));

            // THEN the request is not sent: "job no longer offered"
            Timeline.roundTrip(worker);
            assertThat(worker.received()).noneMatch(ServerMessage::hasAvailability);
            assertThat(sim.journal().events(AvailabilityRequested.class)).isEmpty();
            assertThat(sim.journal().events(ActionDropped.class)).extracting(ActionDropped::hookPoint, ActionDropped::reason)
                    .containsExactly(tuple("availability_request", "job no longer offered"));
        }
    }

    @Test
    void should_not_send_a_duplicated_request_when_the_job_already_timed_out() {
        // GIVEN AvailabilityRequests duplicated 5 s later, and a worker that never answers
        profile("availability_request", "{type: duplicate, offset: 5s}");
        try (FakeAgentWorker worker = FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret())
                .agentName(AGENT).policy(AvailabilityPolicy.ignore()).connect()) {
            dispatch();
            String jobId = worker.nextAvailabilityRequest(WAIT).getJob().getId();

            // WHEN the window closes at 3 s and the copy is due at 5 s
            clock.advance(Duration.ofSeconds(5));

            // THEN the copy is not sent: the job is no longer offered
            Timeline.roundTrip(worker);
            assertThat(worker.received()).filteredOn(ServerMessage::hasAvailability).hasSize(1);
            assertThat(sim.journal().events(ActionDropped.class)).extracting(ActionDropped::jobId, ActionDropped::reason)
                    .containsExactly(tuple(jobId, "job no longer offered"));
        }
    }

    @Test
    void should_not_send_a_delayed_assignment_when_its_room_was_deleted_meanwhile() {
        // GIVEN JobAssignments delayed 5 s, and a job the worker accepted
        profile("job_assignment", "{type: delay, fixed: 5s}");
        try (FakeAgentWorker worker = Timeline.worker(sim)) {
            dispatch();
            String jobId = worker.nextAvailabilityRequest(WAIT).getJob().getId();
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId) && !a.delivered(), WAIT);

            // WHEN the app deletes the room, and the delay ends
            ok(sdk.rooms.deleteRoom("room-a"));
            clock.advance(Duration.ofSeconds(5));

            // THEN the assignment is not sent, and no agent joins
            Timeline.roundTrip(worker);
            assertThat(worker.received()).noneMatch(ServerMessage::hasAssignment);
            assertThat(sim.journal().events(ActionDropped.class)).extracting(ActionDropped::hookPoint, ActionDropped::reason)
                    .containsExactly(tuple("job_assignment", "job no longer assigned"));
        }
    }

    @Test
    void should_not_send_a_delayed_termination_when_the_worker_is_gone_meanwhile() {
        // GIVEN JobTerminations delayed 2 s, and a running job whose dispatch the app deletes after the listing lag
        profile("job_termination", "{type: delay, fixed: 2s}");
        FakeAgentWorker worker = Timeline.worker(sim);
        String dispatchId = dispatch();
        String jobId = Timeline.assigned(sim, worker);
        clock.advance(Duration.ofSeconds(5));
        ok(sdk.dispatches.deleteDispatch("room-a", dispatchId));
        sim.journal().await(JobTerminated.class, t -> t.jobId().equals(jobId), WAIT);

        // WHEN the worker's socket closes before the termination is due
        String workerId = worker.workerId();
        worker.close();
        sim.journal().await(WorkerDisconnected.class, d -> d.workerId().equals(workerId), WAIT);
        clock.advance(Duration.ofSeconds(2));

        // THEN the termination is dropped: there is no one to send it to
        assertThat(sim.journal().events(ActionDropped.class)).extracting(ActionDropped::hookPoint, ActionDropped::reason)
                .containsExactly(tuple("job_termination", "worker gone"));
    }
}
