package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.WorkerStatusUpdated;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.Worker;
import dev.dispatchsim.proto.UpdateWorkerStatus;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.proto.WorkerStatus;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** UpdateWorkerStatus (reference 5.3): a present status replaces the worker's; load is always overwritten (absent = 0). */
@Timeout(30)
@LiveKitSimulatorTest(seed = 19)
class WorkerStatusTest {

    @Test
    void should_start_available_with_zero_load_when_worker_registers(LiveKitSimulator sim) {
        // GIVEN / WHEN a worker registers
        try (FakeAgentWorker worker = Sims.worker(sim, "fresh").connect()) {
            // THEN it is WS_AVAILABLE with load 0
            Worker registered = sim.admin().workers().get(0);
            assertThat(registered.status()).isEqualTo(dev.dispatchsim.model.WorkerStatus.WS_AVAILABLE);
            assertThat(registered.load()).isZero();
        }
    }

    @Test
    void should_replace_status_and_load_when_worker_reports_both(LiveKitSimulator sim) {
        // GIVEN a registered worker
        try (FakeAgentWorker worker = Sims.worker(sim, "busy").connect()) {
            // WHEN it reports WS_FULL at load 0.25
            worker.updateStatus(WorkerStatus.WS_FULL, 0.25f);

            // THEN the journal and the worker list say so
            WorkerStatusUpdated update = sim.journal().await(WorkerStatusUpdated.class, u -> true, WAIT);
            assertThat(update.workerId()).isEqualTo(worker.workerId());
            assertThat(update.status()).isEqualTo(dev.dispatchsim.model.WorkerStatus.WS_FULL);
            assertThat(update.load()).isEqualTo(0.25f);
            assertThat(sim.admin().workers().get(0).status()).isEqualTo(dev.dispatchsim.model.WorkerStatus.WS_FULL);
        }
    }

    @Test
    void should_keep_status_and_reset_load_to_zero_when_update_has_neither(LiveKitSimulator sim) {
        // GIVEN a worker that reported WS_FULL at load 0.5
        try (FakeAgentWorker worker = Sims.worker(sim, "partial").connect()) {
            worker.updateStatus(WorkerStatus.WS_FULL, 0.5f);
            sim.journal().await(WorkerStatusUpdated.class, u -> u.load() == 0.5f, WAIT);

            // WHEN it sends an UpdateWorkerStatus with no status and no load (what the Node worker sends while draining)
            worker.send(WorkerMessage.newBuilder().setUpdateWorker(UpdateWorkerStatus.newBuilder()).build());

            // THEN the status stays WS_FULL and the load becomes 0, as on the real server
            WorkerStatusUpdated update = sim.journal().await(WorkerStatusUpdated.class, u -> u.load() == 0f, WAIT);
            assertThat(update.status()).isEqualTo(dev.dispatchsim.model.WorkerStatus.WS_FULL);
            Worker listed = sim.admin().workers().get(0);
            assertThat(listed.status()).isEqualTo(dev.dispatchsim.model.WorkerStatus.WS_FULL);
            assertThat(listed.load()).isZero();
        }
    }
}
