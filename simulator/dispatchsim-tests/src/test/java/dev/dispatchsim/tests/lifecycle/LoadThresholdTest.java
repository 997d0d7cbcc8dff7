package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.WorkerStatusUpdated;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.proto.WorkerStatus;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Workers at load ≥ target_load (0.7 by default, configurable) or WS_FULL get no jobs (reference 5.3). */
@Timeout(30)
@LiveKitSimulatorTest(seed = 53)
class LoadThresholdTest {

    @Test
    void should_give_every_job_to_the_worker_below_target_when_the_other_is_at_exactly_0_7(LiveKitSimulator sim) {
        // GIVEN one worker at load 0.7 and one at 0.69
        try (FakeAgentWorker atTarget = loaded(sim, "capped", 0.7f);
             FakeAgentWorker below = loaded(sim, "capped", 0.69f)) {
            // WHEN five rooms dispatch the agent
            RoomApi api = new RoomApi(sim);
            for (int i = 0; i < 5; i++) {
                api.createRoom("cap-" + i, "[{\"agentName\":\"capped\"}]");
                below.nextAssignment(WAIT);
            }

            // THEN the worker at 0.7 was never even asked
            atTarget.ping(1);
            atTarget.nextPong(WAIT);
            assertThat(atTarget.received()).noneMatch(ServerMessage::hasAvailability);
            assertThat(sim.journal().events(JobAssigned.class)).allMatch(a -> a.workerId().equals(below.workerId()));
        }
    }

    @Test
    void should_journal_no_capacity_and_list_no_job_when_the_only_worker_is_at_target_load(LiveKitSimulator sim) {
        // GIVEN the only worker at load 0.7
        try (FakeAgentWorker atTarget = loaded(sim, "alone", 0.7f)) {
            // WHEN a room dispatches its agent
            RoomApi api = new RoomApi(sim);
            api.createRoom("full-room", "[{\"agentName\":\"alone\"}]");

            // THEN the job is undeliverable for lack of capacity, and ListDispatch shows no job
            DispatchUndeliverable undeliverable = sim.journal().await(DispatchUndeliverable.class, u -> true, WAIT);
            assertThat(undeliverable.reason()).isEqualTo("no workers with sufficient capacity (load >= 0.7 or WS_FULL)");
            assertThat(undeliverable.jobId()).startsWith("AJ_");
            assertThat(api.listDispatch("full-room").getAgentDispatches(0).getState().getJobsList()).isEmpty();
        }
    }

    @Test
    void should_give_no_job_to_a_full_worker_when_its_load_is_zero(LiveKitSimulator sim) {
        // GIVEN a worker that says WS_FULL at load 0
        try (FakeAgentWorker full = Sims.worker(sim, "full").connect()) {
            full.updateStatus(WorkerStatus.WS_FULL, 0f);
            sim.journal().await(WorkerStatusUpdated.class, u -> true, WAIT);

            // WHEN a room dispatches its agent
            new RoomApi(sim).createRoom("r", "[{\"agentName\":\"full\"}]");

            // THEN it is not asked
            sim.journal().await(DispatchUndeliverable.class, u -> true, WAIT);
            full.ping(1);
            full.nextPong(WAIT);
            assertThat(full.received()).noneMatch(ServerMessage::hasAvailability);
        }
    }

    @Test
    void should_use_the_configured_target_load_when_one_is_set() {
        // GIVEN a simulator with target load 0.9 and a worker at 0.8
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(53).targetLoad(0.9).start()) {
            try (FakeAgentWorker busy = loaded(sim, "tuned", 0.8f)) {
                // WHEN a room dispatches its agent
                new RoomApi(sim).createRoom("tuned-room", "[{\"agentName\":\"tuned\"}]");

                // THEN the worker still gets the job
                assertThat(busy.nextAssignment(WAIT).getJob().getAgentName()).isEqualTo("tuned");
            }
        }
    }

    private FakeAgentWorker loaded(LiveKitSimulator sim, String agent, float load) {
        FakeAgentWorker worker = Sims.worker(sim, agent).connect();
        worker.updateStatus(WorkerStatus.WS_AVAILABLE, load);
        sim.journal().await(WorkerStatusUpdated.class, u -> u.workerId().equals(worker.workerId()), WAIT);
        return worker;
    }
}
