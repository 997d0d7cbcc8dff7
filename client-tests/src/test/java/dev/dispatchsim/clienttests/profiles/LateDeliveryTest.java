package dev.dispatchsim.clienttests.profiles;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clienttests.profiles.support.App;
import dev.dispatchsim.clienttests.profiles.support.Journals;
import dev.dispatchsim.clienttests.profiles.support.Workers;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.AvailabilityRequested;
import dev.dispatchsim.journal.JournalEvent.DispatchCreated;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.JobCreated;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.FakeAgentWorker;
import livekit.LivekitModels.ParticipantInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static dev.dispatchsim.clienttests.profiles.support.Journals.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Profile late-delivery (A3): every dispatch starts 6-16 s (uniform, seeded) after it was created. */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "late-delivery")
class LateDeliveryTest {

    private static final String AGENT = "stt-agent";
    private static final String RULE = "deliver-6-to-16s-late";

    @Test
    void should_deliver_the_agent_only_after_the_sampled_delay_when_a_room_is_created_with_agents(LiveKitSimulator sim,
                                                                                                ManualClock clock) {
        try (FakeAgentWorker worker = Workers.registered(sim, AGENT)) {
            App app = App.of(sim);
            // WHEN the app creates a room with its agent
            assertThat(app.createRoomWithAgent("room-a", AGENT, "").isSuccessful()).isTrue();

            // THEN the journal holds the dispatch back by a delay between 6 and 16 s
            FaultApplied fault = Journals.faults(sim, RULE).get(0);
            assertThat(fault.hookPoint()).isEqualTo("dispatch_created");
            Duration delay = Journals.delayOf(fault);
            assertThat(delay).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(16));

            // WHEN the clock reaches 1 ms before the delay
            clock.advance(delay.minusMillis(1));
            // THEN no job exists yet, no worker was asked, and no agent is in the room
            assertThat(sim.journal().events(JobCreated.class)).isEmpty();
            assertThat(sim.journal().events(AvailabilityRequested.class)).isEmpty();
            assertThat(app.listParticipants("room-a")).isEmpty();

            // WHEN the delay is over
            clock.advance(Duration.ofMillis(1));
            // THEN the worker is asked and assigned, and the agent joins 1.5 s later
            String jobId = worker.nextAvailabilityRequest(WAIT).getJob().getId();
            assertThat(worker.nextAssignment(WAIT).getJob().getId()).isEqualTo(jobId);
            clock.advance(Duration.ofMillis(1500));
            assertThat(app.listParticipants("room-a")).extracting(ParticipantInfo::getKind)
                    .containsExactly(ParticipantInfo.Kind.AGENT);
            // AND the journal's timeline shows the job created exactly `delay` after the dispatch
            assertThat(Duration.between(entry(sim, DispatchCreated.class).virtualTime(),
                    entry(sim, JobCreated.class).virtualTime())).isEqualTo(delay);
        }
    }

    @Test
    void should_sample_the_same_delays_when_the_run_is_repeated() {
        // GIVEN two runs (the profile pins its seed, so even another simulator seed gives the same draws)
        // WHEN each creates the same three rooms
        List<Duration> first = delaysOfThreeRooms(1);
        List<Duration> second = delaysOfThreeRooms(2);
        // THEN the delays are identical, all in 6-16 s, and not all the same value
        assertThat(second).isEqualTo(first);
        assertThat(first).allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(16)));
        assertThat(first.stream().distinct()).hasSizeGreaterThan(1);
    }

    private static List<Duration> delaysOfThreeRooms(long simulatorSeed) {
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(simulatorSeed).clock(new ManualClock())
                .profile("late-delivery").start()) {
            App app = App.of(sim);
            for (String room : List.of("room-a", "room-b", "room-c")) {
                assertThat(app.createRoomWithAgent(room, AGENT, "").isSuccessful()).isTrue();
            }
            return Journals.faults(sim, RULE).stream().map(Journals::delayOf).toList();
        }
    }


    private static JournalEntry entry(LiveKitSimulator sim, Class<?> type) {
        return sim.journal().entries().stream().filter(e -> type.isInstance(e.event())).findFirst().orElseThrow();
    }
}
