package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.AvailabilityAnswered;
import dev.dispatchsim.journal.JournalEvent.AvailabilityRequested;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.WorkerStatusUpdated;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.WorkerStatus;
import dev.dispatchsim.testkit.AvailabilityPolicy;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** available=false or a socket that closes while being asked → the next worker is tried (reference 5.4 step 8). */
@Timeout(30)
@LiveKitSimulatorTest(seed = 59)
class RejectTriesNextWorkerTest {

    private RoomApi api;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        api = new RoomApi(sim);
    }

    @Test
    void should_assign_to_the_accepting_worker_when_the_other_rejects(LiveKitSimulator sim) {
        // GIVEN a rejecting and an accepting worker for the same agent
        try (FakeAgentWorker rejecting = Sims.worker(sim, "picky").policy(AvailabilityPolicy.reject()).connect();
             FakeAgentWorker accepting = Sims.worker(sim, "picky").connect()) {
            // WHEN ten rooms dispatch the agent
            for (int i = 0; i < 10; i++) {
                api.createRoom("picky-" + i, "[{\"agentName\":\"picky\"}]");
                String jobId = accepting.nextAssignment(WAIT).getJob().getId();
                // the frame can overtake the journal entry written right after it: wait for the entry
                sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);
            }

            // THEN every job ended with the accepting worker; each rejection was followed by an offer to it
            assertThat(sim.journal().events(JobAssigned.class)).hasSize(10)
                    .allMatch(a -> a.workerId().equals(accepting.workerId()));
            List<AvailabilityAnswered> rejections = sim.journal().events(AvailabilityAnswered.class).stream()
                    .filter(a -> !a.available()).toList();
            assertThat(rejections).isNotEmpty().allMatch(r -> r.workerId().equals(rejecting.workerId()));
            for (AvailabilityAnswered rejection : rejections) {
                assertThat(sim.journal().events(AvailabilityRequested.class))
                        .filteredOn(r -> r.jobId().equals(rejection.jobId())).extracting(AvailabilityRequested::workerId)
                        .containsExactly(rejecting.workerId(), accepting.workerId());
            }
        }
    }

    @Test
    void should_give_up_without_retry_when_every_worker_rejects(LiveKitSimulator sim) {
        // GIVEN two rejecting workers
        try (FakeAgentWorker first = Sims.worker(sim, "nobody").policy(AvailabilityPolicy.reject()).connect();
             FakeAgentWorker second = Sims.worker(sim, "nobody").policy(AvailabilityPolicy.reject()).connect()) {
            // WHEN a room dispatches the agent
            api.createRoom("nobody-room", "[{\"agentName\":\"nobody\"}]");

            // THEN each is asked once, then the job is undeliverable and nothing is listed
            DispatchUndeliverable undeliverable = sim.journal().await(DispatchUndeliverable.class, u -> true, WAIT);
            assertThat(undeliverable.reason()).isEqualTo("no workers available: every worker rejected or went away");
            assertThat(sim.journal().events(AvailabilityRequested.class)).extracting(AvailabilityRequested::workerId)
                    .containsExactlyInAnyOrder(first.workerId(), second.workerId());
            assertThat(api.listDispatch("nobody-room").getAgentDispatches(0).getState().getJobsList()).isEmpty();
        }
    }

    @Test
    void should_offer_to_the_next_worker_when_the_asked_worker_disconnects_before_answering(LiveKitSimulator sim) {
        // GIVEN a worker that never answers, and a second one that is WS_FULL for now
        try (FakeAgentWorker silent = Sims.worker(sim, "flaky").policy(AvailabilityPolicy.ignore()).connect();
             FakeAgentWorker backup = Sims.worker(sim, "flaky").connect()) {
            backup.updateStatus(WorkerStatus.WS_FULL, 0f);
            sim.journal().await(WorkerStatusUpdated.class, u -> true, WAIT);
            api.createRoom("flaky-room", "[{\"agentName\":\"flaky\"}]");
            String jobId = silent.nextAvailabilityRequest(WAIT).getJob().getId();
            backup.updateStatus(WorkerStatus.WS_AVAILABLE, 0f);
            sim.journal().await(WorkerStatusUpdated.class, u -> u.status() == dev.dispatchsim.model.WorkerStatus.WS_AVAILABLE,
                    WAIT);

            // WHEN the asked worker's socket drops before it answers
            silent.disconnectAbruptly();

            // THEN the same job is offered to the other worker and assigned there
            assertThat(backup.nextAssignment(WAIT).getJob().getId()).isEqualTo(jobId);
        }
    }
}
