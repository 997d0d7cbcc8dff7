package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.JobListed;
import dev.dispatchsim.journal.JournalEvent.JobTerminated;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.testkit.FakeAgentWorker;
import livekit.LivekitAgent;
import livekit.LivekitAgentDispatch.AgentDispatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;

import static dev.dispatchsim.clienttests.JavaSdk.ok;
import static dev.dispatchsim.clienttests.Timeline.AGENT;
import static dev.dispatchsim.clienttests.Timeline.WAIT;
import static dev.dispatchsim.clienttests.Timeline.assigned;
import static dev.dispatchsim.clienttests.Timeline.listedJobs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing lag, as measured on livekit-server 1.13.5: the first launch after a worker registered (or after
 * a minute without launches) is listed by ListDispatch with {@code jobs: []} for 5 s after its assignment;
 * later launches are listed at once; DeleteDispatch inside the lag answers {@code jobs: []} and the worker's
 * JobTermination comes when the lag ends. Through the Java SDK, on virtual time.
 */
@Timeout(60)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 11)
class JavaSdkListingLagTest {

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
        ok(sdk.rooms.createRoom("room-a")); // its implicit dispatch has no worker: no job, no launch that counts
    }

    @AfterEach
    void stop() {
        worker.close();
    }

    /** CreateDispatch through the SDK, and the assignment the worker gets; returns the dispatch id. */
    private String dispatched() {
        return ok(sdk.dispatches.createDispatch("room-a", AGENT, "")).getId();
    }

    @Test
    void should_list_no_job_for_5_seconds_after_the_assignment_when_it_is_the_first_launch_after_a_registration() {
        // GIVEN a freshly registered worker
        // WHEN the app dispatches the agent and the worker gets the job at once
        String dispatchId = dispatched();
        String jobId = assigned(sim, worker);
        Instant assignedAt = clock.now();

        // THEN ListDispatch lists the dispatch without a job for 5 s
        assertThat(listedJobs(sdk, "room-a", dispatchId)).isEmpty();
        clock.advance(Duration.ofMillis(4_999));
        assertThat(listedJobs(sdk, "room-a", dispatchId)).isEmpty();

        // AND then with the job, JS_RUNNING; the journal marks the moment
        clock.advance(Duration.ofMillis(1));
        assertThat(listedJobs(sdk, "room-a", dispatchId)).singleElement().satisfies(job -> {
            assertThat(job.getId()).isEqualTo(jobId);
            assertThat(job.getState().getStatus()).isEqualTo(LivekitAgent.JobStatus.JS_RUNNING);
        });
        JournalEntry listed = sim.journal().await(e -> e.event() instanceof JobListed l && l.jobId().equals(jobId),
                WAIT, "the job listed");
        assertThat(listed.virtualTime()).isEqualTo(assignedAt.plusSeconds(5));
    }

    @Test
    void should_list_the_job_at_its_assignment_when_an_earlier_launch_already_paid_the_lag() {
        // GIVEN a first launch after the registration
        dispatched();
        assigned(sim, worker);

        // WHEN the app dispatches again a second later
        clock.advance(Duration.ofSeconds(1));
        String second = dispatched();
        String jobId = assigned(sim, worker);

        // THEN the second job is listed at once
        assertThat(listedJobs(sdk, "room-a", second)).extracting(LivekitAgent.Job::getId).containsExactly(jobId);
    }

    @Test
    void should_lag_again_when_no_job_was_launched_for_more_than_a_minute() {
        // GIVEN a first launch, and a second 30 s later (listed at once)
        dispatched();
        assigned(sim, worker);
        clock.advance(Duration.ofSeconds(30));
        String second = dispatched();
        assigned(sim, worker);
        assertThat(listedJobs(sdk, "room-a", second)).hasSize(1);

        // WHEN nothing is launched for 61 s, then the app dispatches once more
        clock.advance(Duration.ofSeconds(61));
        String third = dispatched();
        assigned(sim, worker);

        // THEN that launch pays the lag again (the server's worker cache expired)
        assertThat(listedJobs(sdk, "room-a", third)).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(listedJobs(sdk, "room-a", third)).hasSize(1);
    }

    @Test
    void should_lag_again_when_another_worker_registers() {
        // GIVEN a first launch that paid the lag
        dispatched();
        assigned(sim, worker);
        clock.advance(Duration.ofSeconds(5));

        // WHEN another worker registers (any agent name: the server's worker cache is rebuilt), then a dispatch
        try (FakeAgentWorker other = FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret())
                .agentName("translator").connect()) {
            String next = dispatched();
            assigned(sim, worker);

            // THEN it is listed 5 s late again
            assertThat(listedJobs(sdk, "room-a", next)).isEmpty();
            clock.advance(Duration.ofSeconds(5));
            assertThat(listedJobs(sdk, "room-a", next)).hasSize(1);
        }
    }

    @Test
    void should_answer_no_jobs_and_terminate_only_when_the_lag_ends_when_the_dispatch_is_deleted_inside_it() {
        // GIVEN a first launch, assigned, whose listing lags
        String dispatchId = dispatched();
        String jobId = assigned(sim, worker);
        Instant assignedAt = clock.now();

        // WHEN the app deletes the dispatch a second later
        clock.advance(Duration.ofSeconds(1));
        AgentDispatch deleted = ok(sdk.dispatches.deleteDispatch("room-a", dispatchId));

        // THEN the answer is the dispatch with jobs: [], and the worker hears nothing until the lag ends
        assertThat(deleted.getId()).isEqualTo(dispatchId);
        assertThat(deleted.getState().getJobsList()).isEmpty();
        clock.advance(Duration.ofMillis(3_999));
        Timeline.assertNoTerminationSoFar(worker);

        // AND when it ends, 5 s after the assignment, the JobTermination comes (JS_SUCCESS)
        clock.advance(Duration.ofMillis(1));
        assertThat(worker.nextTermination(WAIT).getJobId()).isEqualTo(jobId);
        JournalEntry terminated = sim.journal().await(e -> e.event() instanceof JobTerminated t && t.jobId().equals(jobId),
                WAIT, "the job terminated");
        assertThat(terminated.virtualTime()).isEqualTo(assignedAt.plusSeconds(5));
        assertThat(((JobTerminated) terminated.event()).status()).isEqualTo(JobStatus.JS_SUCCESS);
    }

    @Test
    void should_list_every_job_at_its_assignment_when_the_lag_is_turned_off() {
        // GIVEN a simulator whose listing lag is off
        try (LiveKitSimulator noLag = LiveKitSimulator.builder().clock(new ManualClock()).listingLag(Duration.ZERO).start();
             FakeAgentWorker first = Timeline.worker(noLag)) {
            JavaSdk app = new JavaSdk(noLag);
            ok(app.rooms.createRoom("room-b"));

            // WHEN the first launch after the registration is assigned
            String dispatchId = ok(app.dispatches.createDispatch("room-b", AGENT, "")).getId();
            String jobId = assigned(noLag, first);

            // THEN it is listed at once
            assertThat(listedJobs(app, "room-b", dispatchId)).extracting(LivekitAgent.Job::getId).containsExactly(jobId);
        }
    }
}
