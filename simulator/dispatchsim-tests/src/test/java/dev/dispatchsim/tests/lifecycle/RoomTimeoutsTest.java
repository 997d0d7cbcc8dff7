package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.ParticipantLeft;
import dev.dispatchsim.journal.JournalEvent.RoomClosed;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rooms close on the simulated clock (reference 5.6): empty_timeout when no human ever joined, departure_timeout
 * after the last human left. Agents do not keep a room alive; they leave with it, and their jobs get no
 * JobTermination (as DeleteRoom, measured on livekit-server: no terminate of its own).
 */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 79)
class RoomTimeoutsTest {

    private RoomApi api;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        api = new RoomApi(sim);
    }

    @Test
    void should_close_after_empty_timeout_when_only_an_agent_is_in_the_room(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a room with empty_timeout 60 s whose only participant is an agent
        try (FakeAgentWorker worker = Sims.worker(sim, "lonely").connect()) {
            api.createRoomJson("{\"name\":\"empty\",\"emptyTimeout\":60,\"agents\":[{\"agentName\":\"lonely\"}]}");
            String jobId = running(sim, worker);

            // WHEN 60 s pass
            clock.advance(Duration.ofMillis(59_999));
            assertThat(sim.journal().events(RoomClosed.class)).isEmpty();
            clock.advance(Duration.ofMillis(1));

            // THEN the room closes by empty_timeout, its agent leaves with it, and the job is not terminated
            RoomClosed closed = sim.journal().await(RoomClosed.class, c -> true, WAIT);
            assertThat(closed.reason()).isEqualTo("empty_timeout");
            assertThat(sim.journal().await(ParticipantLeft.class, p -> p.identity().equals("agent-" + jobId), WAIT)
                    .reason()).isEqualTo("ROOM_CLOSED");
            assertNoTermination(sim, worker, jobId);
        }
    }

    @Test
    void should_close_after_departure_timeout_when_the_last_human_leaves(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a room with departure_timeout 20 s (the default), a human and an agent
        try (FakeAgentWorker worker = Sims.worker(sim, "stayer").connect()) {
            api.createRoom("departed", "[{\"agentName\":\"stayer\"}]");
            String jobId = running(sim, worker);
            sim.admin().addParticipant("departed", "erin", SimParticipant.human());

            // WHEN the human leaves (only the agent remains) and 20 s pass
            sim.admin().removeParticipant("departed", "erin");
            clock.advance(Duration.ofMillis(19_999));
            assertThat(sim.journal().events(RoomClosed.class)).isEmpty();
            clock.advance(Duration.ofMillis(1));

            // THEN the room closes by departure_timeout, and the agent's job is not terminated
            assertThat(sim.journal().await(RoomClosed.class, c -> true, WAIT).reason()).isEqualTo("departure_timeout");
            assertNoTermination(sim, worker, jobId);
        }
    }

    @Test
    void should_stay_open_when_a_human_is_present_past_the_empty_timeout(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a room with empty_timeout 10 s that a human joins
        api.createRoomJson("{\"name\":\"busy\",\"emptyTimeout\":10}");
        sim.admin().addParticipant("busy", "frank", SimParticipant.human());

        // WHEN an hour passes
        clock.advance(Duration.ofHours(1));

        // THEN the room is still live
        assertThat(sim.journal().events(RoomClosed.class)).isEmpty();
        assertThat(api.listParticipants("busy").getParticipantsList()).hasSize(1);
    }

    @Test
    void should_stay_open_when_the_human_comes_back_within_the_departure_timeout(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a room whose human left 19 s ago
        api.createRoom("back", null);
        sim.admin().addParticipant("back", "gina", SimParticipant.human());
        sim.admin().removeParticipant("back", "gina");
        clock.advance(Duration.ofSeconds(19));

        // WHEN the human rejoins and time passes well beyond the departure timeout
        sim.admin().addParticipant("back", "gina", SimParticipant.human());
        clock.advance(Duration.ofMinutes(10));

        // THEN the room is still live
        assertThat(sim.journal().events(RoomClosed.class)).isEmpty();
    }

    private String running(LiveKitSimulator sim, FakeAgentWorker worker) {
        String jobId = worker.nextAssignment(WAIT).getJob().getId();
        sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);
        return jobId;
    }

    /** A pong asked for now comes with no termination before it, and the worker still runs the job. */
    private static void assertNoTermination(LiveKitSimulator sim, FakeAgentWorker worker, String jobId) {
        worker.ping(1);
        worker.nextPong(WAIT);
        assertThat(worker.received()).noneMatch(ServerMessage::hasTermination);
        assertThat(sim.admin().workers()).singleElement().satisfies(w -> assertThat(w.runningJobIds()).containsExactly(jobId));
    }
}
