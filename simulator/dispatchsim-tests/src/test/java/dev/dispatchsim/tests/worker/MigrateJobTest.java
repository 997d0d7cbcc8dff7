package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.WorkerProtocolError;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.MigrateJobRequest;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** MigrateJobRequest (what the Python SDK sends after a reconnect) is ignored by the OSS server (reference 5.3). */
@Timeout(30)
@LiveKitSimulatorTest(seed = 29)
class MigrateJobTest {

    @Test
    void should_change_nothing_when_registered_worker_asks_to_migrate_jobs(LiveKitSimulator sim) {
        // GIVEN a worker running a job
        try (FakeAgentWorker worker = Sims.worker(sim, "migrant").connect()) {
            new RoomApi(sim).createRoom("m1", "[{\"agentName\":\"migrant\"}]");
            String jobId = worker.nextAssignment(WAIT).getJob().getId();
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);
            long before = sim.journal().lastSeq();

            // WHEN it sends MigrateJobRequest for that job and an unknown one
            worker.send(WorkerMessage.newBuilder().setMigrateJob(MigrateJobRequest.newBuilder()
                    .addJobIds(jobId).addJobIds("AJ_unknown")).build());

            // THEN the socket stays served, nothing is journaled and the job stays where it was
            worker.ping(4);
            assertThat(worker.nextPong(WAIT).getLastTimestamp()).isEqualTo(4);
            assertThat(sim.journal().since(before)).isEmpty();
            assertThat(sim.admin().workers().get(0).runningJobIds()).containsExactly(jobId);
        }
    }

    @Test
    void should_close_the_socket_when_migrate_comes_before_register(LiveKitSimulator sim) {
        // GIVEN a socket that has not registered
        try (FakeAgentWorker worker = Sims.worker(sim, "early").withoutRegister().open()) {
            // WHEN it asks to migrate
            worker.send(WorkerMessage.newBuilder().setMigrateJob(MigrateJobRequest.newBuilder().addJobIds("AJ_x")).build());

            // THEN only ping and register are allowed before registration: the socket is closed with the reason
            assertThat(worker.awaitClosed(WAIT).reason())
                    .isEqualTo("expected register or ping before registration, got migrate_job");
            assertThat(sim.journal().await(WorkerProtocolError.class, e -> true, WAIT).closeCode()).isEqualTo(1008);
        }
    }
}
