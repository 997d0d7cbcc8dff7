package dev.dispatchsim.clienttests.profiles;

import dev.dispatchsim.clienttests.profiles.support.App;
import dev.dispatchsim.clienttests.profiles.support.Journals;
import dev.dispatchsim.clienttests.profiles.support.ProfileScenario;
import dev.dispatchsim.clienttests.profiles.support.Truth;
import dev.dispatchsim.clienttests.profiles.support.Workers;
import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.JobTerminated;
import dev.dispatchsim.journal.JournalEvent.ParticipantJoined;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.model.SimulatorState.JobView;
import dev.dispatchsim.model.SimulatorState.Phase;
import dev.dispatchsim.testkit.FakeAgentWorker;
import livekit.LivekitAgent;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitModels.ParticipantInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.dispatchsim.clienttests.profiles.support.Journals.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Profile agent-join-late (A3/A1): assignments arrive on time, agents join late (lognormal, max 30 s, on top of
 * the 1.5 s an agent always takes to join), the third never.
 */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "agent-join-late")
class AgentJoinLateTest extends ProfileScenario {

    private static final List<String> ROOMS = List.of("room-1", "room-2", "room-3");

    @Test
    void should_assign_on_time_but_let_agents_join_late_and_the_third_never_when_three_rooms_are_created() {
        // WHEN the app creates three rooms with the agent
        Instant assignedAt = clock.now();
        for (String room : ROOMS) {
            assertThat(app.createRoomWithAgent(room, AGENT, "").isSuccessful()).isTrue();
            worker.nextAvailabilityRequest(WAIT);
            // THEN each JobAssignment reaches the worker at once
            assertThat(worker.nextAssignment(WAIT).getJob().getRoom().getName()).isEqualTo(room);
        }
        // AND when the 1.5 s an agent takes to join have passed, no agent is in any room; the journal says why:
        // when they were about to join, two joins were delayed (capped at 30 s), the third dropped
        clock.advance(Duration.ofMillis(1500));
        for (String room : ROOMS) {
            assertThat(app.listParticipants(room)).as(room).isEmpty();
        }
        List<FaultApplied> delays = Journals.faults(sim, "agents-join-late");
        assertThat(delays).extracting(f -> f.targets().get("room")).containsExactly("room-1", "room-2");
        assertThat(delays).allSatisfy(f -> assertThat(f.hookPoint()).isEqualTo("agent_join"));
        assertThat(Journals.faults(sim, "third-agent-never-joins"))
                .extracting(f -> f.targets().get("room"), FaultApplied::effect).containsExactly(
                        tuple("room-3", new AppliedEffect.Dropped()));
        // AND once the first launch's 5 s listing lag is over, ListDispatch says JS_RUNNING everywhere
        clock.advance(Duration.ofMillis(3500));
        for (String room : ROOMS) {
            assertThat(App.statuses(app.listDispatch(room).get(0))).containsExactly(LivekitAgent.JobStatus.JS_RUNNING);
        }

        // WHEN the 30 s cap has passed too
        clock.advance(Duration.ofSeconds(30));

        // THEN the agents of rooms 1 and 2 have joined, each 1.5 s plus its sampled delay after the assignment
        for (int i = 0; i < 2; i++) {
            String room = ROOMS.get(i);
            assertThat(app.listParticipants(room)).extracting(ParticipantInfo::getKind)
                    .containsExactly(ParticipantInfo.Kind.AGENT);
            assertThat(Duration.between(assignedAt, joinedAt(room)))
                    .isEqualTo(Duration.ofMillis(1500).plus(Journals.delayOf(delays.get(i))));
        }
        // AND room 3 still has no agent, though its job was delivered and is reported running
        assertThat(app.listParticipants("room-3")).isEmpty();
        AgentDispatch third = app.listDispatch("room-3").get(0);
        assertThat(App.statuses(third)).containsExactly(LivekitAgent.JobStatus.JS_RUNNING);
        JobView truth = Truth.job(sim, "room-3", third.getId());
        assertThat(truth.delivered()).isTrue();
        assertThat(truth.phase()).isEqualTo(Phase.ASSIGNED);
    }

    @Test
    void should_not_let_a_held_back_join_land_after_a_reset_when_the_next_test_repeats_the_same_steps() {
        // GIVEN an agent whose join the profile is holding back (decided 1.5 s after the assignment); its worker
        // has since gone
        assertThat(app.createRoomWithAgent("room-1", AGENT, "").isSuccessful()).isTrue();
        worker.nextAssignment(WAIT);
        clock.advance(Duration.ofMillis(1500));
        assertThat(Journals.faults(sim, "agents-join-late")).hasSize(1);
        worker.close();
        Journals.await(sim, WorkerDisconnected.class, d -> true);

        // WHEN the simulator is reset (as between two tests) and the next test does the same
        // (same seed, same steps: same worker, room and job ids, same sampled delay)
        sim.admin().reset();
        try (FakeAgentWorker next = Workers.registered(sim, AGENT)) {
            assertThat(app.createRoomWithAgent("room-1", AGENT, "").isSuccessful()).isTrue();
            next.nextAssignment(WAIT);
            clock.advance(Duration.ofSeconds(32));

            // THEN only this test's agent joins, once, and its job is not terminated by the old one
            assertThat(app.listParticipants("room-1")).hasSize(1);
            assertThat(Journals.events(sim, ParticipantJoined.class, j -> j.kind() == ParticipantKind.AGENT)).hasSize(1);
            assertThat(sim.journal().events(JobTerminated.class)).isEmpty();
        }
    }

    private Instant joinedAt(String room) {
        return sim.journal().entries().stream()
                .filter(e -> e.event() instanceof ParticipantJoined j && j.room().equals(room))
                .map(JournalEntry::virtualTime).findFirst().orElseThrow();
    }

}
