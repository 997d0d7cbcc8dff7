package dev.dispatchsim.tests.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.junit.support.Fixture;
import dev.dispatchsim.tests.junit.support.FixtureRun;
import dev.dispatchsim.tests.support.GoldenText;
import dev.dispatchsim.tests.support.RoomApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed test carries the seed, the profile and the journal's tail, so it can be replayed and understood. */
@Timeout(60)
class FailureReplayTest {

    @Test
    void should_add_seed_profile_and_journal_tail_to_the_failure_when_a_test_fails() {
        // GIVEN a test that dispatches an agent no worker serves, then fails its own assertion
        // WHEN it runs
        EngineExecutionResults results = FixtureRun.run(FailingDispatch.class);

        // THEN its failure is unchanged, carries the replay information, and the seed is reported
        Throwable failure = FixtureRun.failures(results).get(0);
        assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("[the agent joined]");
        GoldenText.assertMatches("replay-info-per-test", replayInfo(failure));
        assertThat(FixtureRun.reported(results, "dispatchsim.seed")).containsExactly("42");
    }

    @Test
    void should_say_the_simulator_was_shared_when_a_test_of_an_annotated_class_fails_in_before_each() {
        // GIVEN an annotated class whose @BeforeEach fails
        // WHEN it runs
        EngineExecutionResults results = FixtureRun.run(FailingBeforeEach.class);

        // THEN that failure carries the replay information too
        GoldenText.assertMatches("replay-info-shared", replayInfo(FixtureRun.failures(results).get(0)));
    }

    private static String replayInfo(Throwable failure) {
        List<Throwable> infos = Arrays.stream(failure.getSuppressed()).filter(s -> s.getClass().getName().equals("dev.dispatchsim.junit.SimulatorReplayInfo")).toList();
        assertThat(infos).as("replay information added to %s", failure).hasSize(1);
        assertThat(infos.get(0).getStackTrace()).as("its own stack trace").isEmpty();
        return infos.get(0).getMessage();
    }

    @Fixture
    static class FailingDispatch {
        @RegisterExtension
        final LiveKitSimulatorExtension sim = LiveKitSimulatorExtension.builder()
                .seed(42).clock(ClockMode.MANUAL).profile("late-delivery").build();

        @Test
        void test(LiveKitSimulator sim, VirtualTime time) {
            new RoomApi(sim).createRoom("checkout", "[{\"agentName\":\"stt-agent\"}]");
            time.advance(Duration.ofSeconds(20));
            assertThat(sim.admin().state().rooms().get(0).participants()).as("the agent joined").isNotEmpty();
        }
    }

    @Fixture
    @LiveKitSimulatorTest(seed = 7, clock = ClockMode.MANUAL)
    static class FailingBeforeEach {
        @BeforeEach
        void setUp(LiveKitSimulator sim) {
            new RoomApi(sim).createRoom("lobby", null);
            throw new IllegalStateException("setup failed");
        }

        @Test
        void test() {
        }
    }
}
