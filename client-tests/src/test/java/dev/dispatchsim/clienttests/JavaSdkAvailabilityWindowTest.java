package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.AvailabilityAnswerIgnored;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.AvailabilityPolicy;
import dev.dispatchsim.testkit.FakeAgentWorker;
import livekit.LivekitAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.clienttests.JavaSdk.ok;
import static dev.dispatchsim.clienttests.Timeline.AGENT;
import static dev.dispatchsim.clienttests.Timeline.WAIT;
import static dev.dispatchsim.clienttests.Timeline.listedJobs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The availability window, as measured on livekit-server 1.13.5: an answer 2.5 s after the AvailabilityRequest
 * is assigned, one at 2.8 s or later is silently lost (no JobAssignment, no second offer, never listed). The
 * simulator's window is 3 s. The worker here answers by hand, at a chosen moment of virtual time.
 */
@Timeout(60)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 13)
class JavaSdkAvailabilityWindowTest {

    private LiveKitSimulator sim;
    private ManualClock clock;
    private JavaSdk sdk;
    private FakeAgentWorker slow;

    @BeforeEach
    void start(LiveKitSimulator sim, ManualClock clock) {
        this.sim = sim;
        this.clock = clock;
        sdk = new JavaSdk(sim);
        slow = FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret()).agentName(AGENT)
                .policy(AvailabilityPolicy.ignore()).connect();
        ok(sdk.rooms.createRoom("room-a"));
    }

    @AfterEach
    void stop() {
        slow.close();
    }

    @Test
    void should_assign_the_job_when_the_worker_answers_2_5_seconds_after_the_request() {
        // GIVEN a dispatch whose AvailabilityRequest the worker has
        String dispatchId = ok(sdk.dispatches.createDispatch("room-a", AGENT, "")).getId();
        String jobId = slow.nextAvailabilityRequest(WAIT).getJob().getId();

        // WHEN the worker says yes 2.5 s later
        clock.advance(Duration.ofMillis(2500));
        Timeline.accept(slow, jobId);

        // THEN it gets the JobAssignment, and (after the first launch's listing lag) the job is listed
        assertThat(slow.nextAssignment(WAIT).getJob().getId()).isEqualTo(jobId);
        sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);
        clock.advance(Duration.ofSeconds(5));
        assertThat(listedJobs(sdk, "room-a", dispatchId)).extracting(j -> j.getState().getStatus())
                .containsExactly(LivekitAgent.JobStatus.JS_RUNNING);
    }

    @Test
    void should_lose_the_job_silently_when_the_worker_answers_3_5_seconds_after_the_request() {
        // GIVEN a dispatch whose AvailabilityRequest the slow worker has, and a willing worker registered since
        String dispatchId = ok(sdk.dispatches.createDispatch("room-a", AGENT, "")).getId();
        String jobId = slow.nextAvailabilityRequest(WAIT).getJob().getId();
        try (FakeAgentWorker willing = Timeline.worker(sim)) {

            // WHEN the slow worker says yes 3.5 s later
            clock.advance(Duration.ofMillis(3500));
            Timeline.accept(slow, jobId);

            // THEN the answer is ignored (the journal says why) and the job is lost: the window closed at 3 s
            AvailabilityAnswerIgnored ignored = sim.journal().await(AvailabilityAnswerIgnored.class,
                    i -> i.jobId().equals(jobId), WAIT);
            assertThat(ignored.reason()).isEqualTo("answer arrived after the availability window");
            assertThat(sim.journal().events(AvailabilityTimedOut.class)).extracting(AvailabilityTimedOut::jobId)
                    .containsExactly(jobId);

            // AND no JobAssignment, no second offer to the willing worker, and no job is ever listed
            clock.advance(Duration.ofSeconds(30));
            Timeline.roundTrip(slow);
            Timeline.roundTrip(willing);
            assertThat(slow.received()).noneMatch(ServerMessage::hasAssignment);
            assertThat(willing.received()).noneMatch(ServerMessage::hasAvailability);
            assertThat(sim.journal().events(JobAssigned.class)).isEmpty();
            assertThat(listedJobs(sdk, "room-a", dispatchId)).isEmpty();
        }
    }
}
