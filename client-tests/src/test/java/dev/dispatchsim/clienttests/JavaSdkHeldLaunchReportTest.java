package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.FakeAgentWorker;
import livekit.LivekitAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static dev.dispatchsim.clienttests.JavaSdk.ok;
import static dev.dispatchsim.clienttests.Timeline.AGENT;
import static dev.dispatchsim.clienttests.Timeline.WAIT;
import static dev.dispatchsim.clienttests.Timeline.listedJobs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code job_status_report} rule with {@code visible: true} is asked for a dispatch that has no job yet
 * because a fault holds its launch back, as fault-profiles/README.md promises: ListDispatch then lists a
 * placeholder job with the reported status (the same one at every call), and the real job once it launches.
 */
@Timeout(60)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 37)
class JavaSdkHeldLaunchReportTest {

    @Test
    @FaultProfile(yaml = """
            name: held-but-reported
            rules:
              - name: launch-5s-late
                at: dispatch_created
                do: {type: delay, fixed: 5s}
              - name: claim-running
                at: job_status_report
                do: {type: report, status: JS_RUNNING, visible: true}
            """)
    void should_list_a_reported_job_for_a_dispatch_whose_launch_is_held(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a worker, and a dispatch whose launch the profile holds back 5 s
        try (FakeAgentWorker worker = Timeline.worker(sim)) {
            JavaSdk sdk = new JavaSdk(sim);
            ok(sdk.rooms.createRoom("room-a"));
            String dispatchId = ok(sdk.dispatches.createDispatch("room-a", AGENT, "")).getId();

            // WHEN the app lists it twice before the launch
            List<LivekitAgent.Job> first = listedJobs(sdk, "room-a", dispatchId);
            List<LivekitAgent.Job> second = listedJobs(sdk, "room-a", dispatchId);

            // THEN the report rule was asked and lists one JS_RUNNING job, the same each time, that no worker has
            assertThat(first).singleElement().satisfies(job -> {
                assertThat(job.getId()).startsWith("AJ_");
                assertThat(job.getDispatchId()).isEqualTo(dispatchId);
                assertThat(job.getState().getStatus()).isEqualTo(LivekitAgent.JobStatus.JS_RUNNING);
            });
            assertThat(second).isEqualTo(first);
            assertThat(sim.journal().events(FaultApplied.class))
                    .filteredOn(f -> f.rule().equals("claim-running") && dispatchId.equals(f.targets().get("dispatch")))
                    .hasSize(2).allSatisfy(f -> assertThat(f.targets()).doesNotContainKey("job"));
            assertThat(sim.admin().state().rooms().get(0).dispatches()).filteredOn(d -> d.reported().id().equals(dispatchId))
                    .singleElement().satisfies(d -> assertThat(d.jobs()).isEmpty());

            // WHEN the launch happens, THEN the real job is offered, and listed instead of the placeholder
            clock.advance(Duration.ofSeconds(5));
            String jobId = worker.nextAvailabilityRequest(WAIT).getJob().getId();
            assertThat(jobId).isNotEqualTo(first.get(0).getId());
            assertThat(listedJobs(sdk, "room-a", dispatchId)).extracting(LivekitAgent.Job::getId).containsExactly(jobId);
        }
    }
}
