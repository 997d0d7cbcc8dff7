package dev.dispatchsim.tests.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.SimulatorState;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.junit.support.Fixture;
import dev.dispatchsim.tests.junit.support.FixtureRun;
import dev.dispatchsim.tests.support.RoomApi;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A shared simulator starts every test fresh: rooms, dispatches, workers, journal, id generators and rule counters. */
@Timeout(60)
class ResetTest {

    @Test
    void should_start_each_test_from_the_same_state_when_the_simulator_is_shared() {
        // GIVEN a shared simulator whose profile fires on the first dispatch only, and two tests doing the same
        //       thing, the first leaving a room, a dispatch and a connected worker behind
        // WHEN the class runs
        EngineExecutionResults results = FixtureRun.run(TwoIdenticalTests.class);

        // THEN the second test found nothing left over, and its journal (ids, times, fault decisions) repeats the first's
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        List<String> journals = FixtureRun.reported(results, "journal");
        assertThat(journals).hasSize(2);
        assertThat(journals.get(0)).contains("FaultApplied[rule=first-dispatch-only").contains("WorkerRegistered");
        assertThat(journals.get(1)).isEqualTo(journals.get(0));
    }

    @Fixture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 11, profileYaml = """
            name: first-only
            rules:
              - name: first-dispatch-only
                at: dispatch_created
                when: {occurrences: [1]}
                do: {type: delay, fixed: 1s}
            """)
    static class TwoIdenticalTests {

        @Test
        @Order(1)
        void first(LiveKitSimulator sim, TestReporter reporter) {
            sameSteps(sim, reporter); // leaves its worker connected on purpose
        }

        @Test
        @Order(2)
        void second(LiveKitSimulator sim, TestReporter reporter) {
            sameSteps(sim, reporter);
        }

        private static void sameSteps(LiveKitSimulator sim, TestReporter reporter) {
            SimulatorState before = sim.admin().state();
            assertThat(before.rooms()).as("rooms left over").isEmpty();
            assertThat(before.workers()).as("workers left over").isEmpty();
            assertThat(sim.journal().entries()).as("journal left over").isEmpty();

            FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret()).agentName("stt-agent").connect();
            new RoomApi(sim).createRoom("r1", "[{\"agentName\":\"stt-agent\"}]");

            assertThat(sim.journal().events(FaultApplied.class)).as("fault decisions").hasSize(1);
            reporter.publishEntry("journal", sim.journal().entries().stream()
                    .map(JournalEntry::deterministicForm).collect(Collectors.joining("\n")));
        }
    }
}
