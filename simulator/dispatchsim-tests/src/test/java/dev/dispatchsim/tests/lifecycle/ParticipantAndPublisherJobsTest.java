package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.proto.Job;
import dev.dispatchsim.proto.JobType;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job types (reference 5.4 step 2): JT_ROOM at dispatch creation, JT_PARTICIPANT per joining human, JT_PUBLISHER
 * on a human's first published track; agents never trigger jobs. Each type goes only to workers of that type.
 */
@Timeout(30)
// Which jobs launch is the point here, not when agents join: they join with their assignment.
@LiveKitSimulatorTest(seed = 43, agentJoinDelayMillis = 0)
class ParticipantAndPublisherJobsTest {

    private RoomApi api;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        api = new RoomApi(sim);
    }

    @Test
    void should_launch_one_job_per_type_when_a_human_joins_and_publishes(LiveKitSimulator sim) {
        // GIVEN workers for "multi" of each job type, and a room dispatching "multi"
        try (FakeAgentWorker room = Sims.worker(sim, "multi").connect();
             FakeAgentWorker participant = Sims.worker(sim, "multi").jobType(JobType.JT_PARTICIPANT).connect();
             FakeAgentWorker publisher = Sims.worker(sim, "multi").jobType(JobType.JT_PUBLISHER).connect()) {
            api.createRoom("types", "[{\"agentName\":\"multi\"}]");
            assertThat(room.nextAssignment(WAIT).getJob().getType()).isEqualTo(JobType.JT_ROOM);

            // WHEN a human joins, then publishes two tracks
            sim.admin().addParticipant("types", "alice", SimParticipant.human());
            Job participantJob = participant.nextAssignment(WAIT).getJob();
            sim.admin().publishTrack("types", "alice", "mic", "AUDIO", "MICROPHONE");
            sim.admin().publishTrack("types", "alice", "cam", "VIDEO", "CAMERA");
            Job publisherJob = publisher.nextAssignment(WAIT).getJob();

            // THEN the participant job and the publisher job carry alice
            assertThat(participantJob.getType()).isEqualTo(JobType.JT_PARTICIPANT);
            assertThat(participantJob.getParticipant().getIdentity()).isEqualTo("alice");
            assertThat(publisherJob.getType()).isEqualTo(JobType.JT_PUBLISHER);
            assertThat(publisherJob.getParticipant().getIdentity()).isEqualTo("alice");

            // AND nothing else was offered: not for the second track, not for the three agents that joined
            for (FakeAgentWorker worker : new FakeAgentWorker[]{room, participant, publisher}) {
                worker.ping(1);
                worker.nextPong(WAIT);
                assertThat(worker.received()).filteredOn(ServerMessage::hasAvailability).hasSize(1);
            }
            assertThat(api.listParticipants("types").getParticipantsList()).hasSize(4);
        }
    }

    @Test
    void should_launch_no_participant_job_when_an_agent_participant_joins(LiveKitSimulator sim) {
        // GIVEN a participant-type worker and a live room dispatching its agent
        try (FakeAgentWorker participant = Sims.worker(sim, "watcher").jobType(JobType.JT_PARTICIPANT).connect()) {
            api.createRoom("agents-only", "[{\"agentName\":\"watcher\"}]");

            // WHEN an agent-kind participant joins and publishes
            sim.admin().addParticipant("agents-only", "bot", SimParticipant.human().withKind(ParticipantKind.AGENT));
            sim.admin().publishTrack("agents-only", "bot", "mic", "AUDIO", "MICROPHONE");

            // THEN no job is offered for it
            participant.ping(1);
            participant.nextPong(WAIT);
            assertThat(participant.received()).extracting(ServerMessage::getMessageCase)
                    .containsExactly(ServerMessage.MessageCase.REGISTER, ServerMessage.MessageCase.PONG);
        }
    }

    @Test
    void should_launch_jobs_for_present_participants_and_publishers_when_dispatch_is_created_later(LiveKitSimulator sim) {
        // GIVEN a room with a human who already publishes, and workers of each type
        try (FakeAgentWorker room = Sims.worker(sim, "late").connect();
             FakeAgentWorker participant = Sims.worker(sim, "late").jobType(JobType.JT_PARTICIPANT).connect();
             FakeAgentWorker publisher = Sims.worker(sim, "late").jobType(JobType.JT_PUBLISHER).connect()) {
            api.createRoom("later", "[{\"agentName\":\"someone-else\"}]");
            sim.admin().addParticipant("later", "bob", SimParticipant.human());
            sim.admin().publishTrack("later", "bob", "mic", "AUDIO", "MICROPHONE");

            // WHEN the app creates a dispatch for "late"
            api.createDispatch("later", "late", "");

            // THEN each type gets its job at once (reference 3.3 Launch)
            assertThat(room.nextAssignment(WAIT).getJob().getType()).isEqualTo(JobType.JT_ROOM);
            assertThat(participant.nextAssignment(WAIT).getJob().getParticipant().getIdentity()).isEqualTo("bob");
            assertThat(publisher.nextAssignment(WAIT).getJob().getParticipant().getIdentity()).isEqualTo("bob");
        }
    }
}
