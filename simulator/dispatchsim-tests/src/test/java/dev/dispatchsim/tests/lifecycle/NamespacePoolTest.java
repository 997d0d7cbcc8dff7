package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.Job;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The (deprecated) namespace is part of the pool key (reference 5.2 step 5, 5.4 step 4): a dispatch launches
 * one job per namespace that has workers for it, each offered only within its namespace.
 */
@Timeout(30)
// Which jobs exist is the point here, not when ListDispatch shows them: no listing lag.
@LiveKitSimulatorTest(seed = 101, listingLagMillis = 0)
class NamespacePoolTest {

    private RoomApi api;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        api = new RoomApi(sim);
    }

    @Test
    void should_launch_one_job_per_namespace_when_workers_sit_in_two_namespaces(LiveKitSimulator sim) {
        // GIVEN empty-name workers in the default namespace and in "legacy"
        try (FakeAgentWorker plain = Sims.worker(sim, "").connect();
             FakeAgentWorker legacy = Sims.worker(sim, "").namespace("legacy").connect()) {
            // WHEN a room is created without agents
            api.createRoom("ns-room", null);

            // THEN each namespace gets its own job of the implicit dispatch
            Job first = plain.nextAssignment(WAIT).getJob();
            Job second = legacy.nextAssignment(WAIT).getJob();
            assertThat(first.getId()).isNotEqualTo(second.getId());
            assertThat(first.getDispatchId()).isEqualTo(second.getDispatchId());
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(second.getId()), WAIT);
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(first.getId()), WAIT);
            assertThat(api.listDispatch("ns-room").getAgentDispatches(0).getState().getJobsList()).hasSize(2);
        }
    }

    @Test
    void should_reach_the_worker_when_a_named_agent_registers_only_in_a_namespace(LiveKitSimulator sim) {
        // GIVEN a named worker registered in namespace "legacy" only
        try (FakeAgentWorker legacy = Sims.worker(sim, "old-agent").namespace("legacy").connect()) {
            // WHEN a room dispatches that agent
            api.createRoom("ns-named", "[{\"agentName\":\"old-agent\"}]");

            // THEN it gets the one job
            assertThat(legacy.nextAssignment(WAIT).getJob().getAgentName()).isEqualTo("old-agent");
            assertThat(api.listDispatch("ns-named").getAgentDispatches(0).getState().getJobsList()).hasSize(1);
        }
    }
}
