package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.AvailabilityRequest;
import dev.dispatchsim.proto.Job;
import dev.dispatchsim.proto.JobStatus;
import dev.dispatchsim.proto.JobType;
import dev.dispatchsim.proto.ParticipantInfo;
import dev.dispatchsim.proto.Room;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.proto.SimulateJobRequest;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.proto.WorkerStatus;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SimulateJobRequest (reference 5.3): the server builds an AJ_ job for the asking worker (JT_PUBLISHER when
 * a participant is given, else JT_ROOM) and runs the normal availability/assignment flow with it, straight
 * to that worker, with no dispatch record.
 */
@Timeout(30)
@LiveKitSimulatorTest(seed = 31)
class SimulateJobTest {

    @Test
    void should_offer_and_assign_a_room_job_to_the_asking_worker_when_it_simulates_without_participant(LiveKitSimulator sim) {
        // GIVEN two workers for the same agent
        try (FakeAgentWorker asker = Sims.worker(sim, "sim-agent").connect();
             FakeAgentWorker other = Sims.worker(sim, "sim-agent").connect()) {
            // WHEN one asks for a simulated job in a room that does not exist
            asker.send(simulate(Room.newBuilder().setName("sim-room").setSid("RM_simulated1"), null));

            // THEN it alone gets a JT_ROOM job, already JS_RUNNING, with no dispatch, for the room it named
            AvailabilityRequest offer = asker.nextAvailabilityRequest(WAIT);
            Job job = offer.getJob();
            assertThat(job.getId()).startsWith("AJ_");
            assertThat(job.getType()).isEqualTo(JobType.JT_ROOM);
            assertThat(job.getDispatchId()).isEmpty();
            assertThat(job.getAgentName()).isEqualTo("sim-agent");
            assertThat(job.getRoom().getName()).isEqualTo("sim-room");
            assertThat(job.getRoom().getSid()).isEqualTo("RM_simulated1");
            assertThat(job.getState().getStatus()).isEqualTo(JobStatus.JS_RUNNING);
            assertThat(job.getState().getWorkerId()).isEqualTo(asker.workerId());

            // AND accepting it gets the assignment; the other worker saw nothing
            assertThat(asker.nextAssignment(WAIT).getJob().getId()).isEqualTo(job.getId());
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(job.getId()), WAIT);
            other.ping(1);
            other.nextPong(WAIT);
            assertThat(other.received()).extracting(ServerMessage::getMessageCase)
                    .containsExactly(ServerMessage.MessageCase.REGISTER, ServerMessage.MessageCase.PONG);
        }
    }

    @Test
    void should_offer_a_publisher_job_when_it_simulates_with_a_participant_even_as_a_room_worker(LiveKitSimulator sim) {
        // GIVEN a worker registered for JT_ROOM jobs
        try (FakeAgentWorker worker = Sims.worker(sim, "pub-sim").connect()) {
            // WHEN it simulates a job with a participant
            worker.send(simulate(Room.newBuilder().setName("p-room"), ParticipantInfo.newBuilder().setIdentity("alice")));

            // THEN the job is JT_PUBLISHER for that participant, offered to this worker anyway (the real server
            // assigns simulated jobs straight to the asking worker, whatever it registered for)
            Job job = worker.nextAvailabilityRequest(WAIT).getJob();
            assertThat(job.getType()).isEqualTo(JobType.JT_PUBLISHER);
            assertThat(job.getParticipant().getIdentity()).isEqualTo("alice");
        }
    }

    @Test
    void should_offer_the_simulated_job_when_the_worker_reports_full(LiveKitSimulator sim) {
        // GIVEN a worker that reported WS_FULL at load 1
        try (FakeAgentWorker worker = Sims.worker(sim, "full-sim").connect()) {
            worker.updateStatus(WorkerStatus.WS_FULL, 1f);

            // WHEN it asks for a simulated job
            worker.send(simulate(Room.newBuilder().setName("f-room"), null));

            // THEN it is still asked: the simulated job skips worker selection
            assertThat(worker.nextAvailabilityRequest(WAIT).getJob().getRoom().getName()).isEqualTo("f-room");
        }
    }

    private static WorkerMessage simulate(Room.Builder room, ParticipantInfo.Builder participant) {
        SimulateJobRequest.Builder request = SimulateJobRequest.newBuilder().setRoom(room);
        if (participant != null) {
            request.setParticipant(participant);
        }
        return WorkerMessage.newBuilder().setSimulateJob(request).build();
    }
}
