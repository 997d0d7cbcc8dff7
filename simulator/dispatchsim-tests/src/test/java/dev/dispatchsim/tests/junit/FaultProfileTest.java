package dev.dispatchsim.tests.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.AllowUnfiredRules;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.junit.support.Fixture;
import dev.dispatchsim.tests.junit.support.FixtureRun;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;

/** A method's @FaultProfile replaces the class's profile for that test only. */
@Timeout(60)
class FaultProfileTest {

    @Test
    void should_load_a_method_profile_for_one_test_and_restore_the_class_profile_when_the_simulator_is_shared() {
        // GIVEN a shared simulator with a class profile, and tests with and without their own profiles
        // WHEN the class runs
        EngineExecutionResults results = FixtureRun.run(Shared.class);

        // THEN each test ran under its own profile or the class's, and loading one did not leave a journal entry
        results.testEvents().assertStatistics(stats -> stats.succeeded(6).failed(0));
        assertThat(FixtureRun.reported(results, "profile")).containsExactly(
                "class-profile", "late-delivery", "class-profile", "inline-method-profile", "from-classpath", "class-profile");
    }

    @Test
    void should_start_the_test_simulator_with_the_method_profile_when_the_simulator_is_per_test() {
        // GIVEN a per-test simulator with a profile in the builder, and a test with its own
        // WHEN the class runs
        EngineExecutionResults results = FixtureRun.run(PerTest.class);

        // THEN the annotated test's simulator started with the method's profile, the other with the builder's
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(FixtureRun.reported(results, "profile")).containsExactly("createroom-agents-dropped", "false-running-status");
    }

    static void report(LiveKitSimulator sim, TestReporter reporter) {
        assertThat(sim.journal().entries()).as("journal at the start of the test").isEmpty();
        reporter.publishEntry("profile", sim.profile().name());
    }

    @Fixture
    @AllowUnfiredRules // these tests check which profile is in force, not that it fires
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @LiveKitSimulatorTest(profileYaml = "name: class-profile\nrules: []\n")
    static class Shared {

        @Test
        @Order(1)
        void classProfile(LiveKitSimulator sim, TestReporter reporter) {
            report(sim, reporter);
        }

        @Test
        @Order(2)
        @FaultProfile("late-delivery")
        void bundledMethodProfile(LiveKitSimulator sim, TestReporter reporter) {
            report(sim, reporter);
            assertThat(sim.profile().ruleNames()).containsExactly("deliver-6-to-16s-late");
        }

        @Test
        @Order(3)
        void classProfileAgain(LiveKitSimulator sim, TestReporter reporter) {
            report(sim, reporter);
            sim.loadProfile("intermittent-drop"); // a swap at run time does not outlive the test either
        }

        @Test
        @Order(4)
        @FaultProfile(yaml = "name: inline-method-profile\nrules: []\n")
        void inlineMethodProfile(LiveKitSimulator sim, TestReporter reporter) {
            report(sim, reporter);
        }

        @Test
        @Order(5)
        @FaultProfile("classpath:profiles/from-classpath.yaml")
        void classpathMethodProfile(LiveKitSimulator sim, TestReporter reporter) {
            report(sim, reporter);
        }

        @Test
        @Order(6)
        void classProfileAtTheEnd(LiveKitSimulator sim, TestReporter reporter) {
            report(sim, reporter);
        }
    }

    @Fixture
    @AllowUnfiredRules
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerTest {
        @RegisterExtension
        final LiveKitSimulatorExtension sim = LiveKitSimulatorExtension.builder().profile("false-running-status").build();

        @Test
        @Order(1)
        @FaultProfile("createroom-agents-dropped")
        void methodProfile(LiveKitSimulator sim, TestReporter reporter) {
            report(sim, reporter);
        }

        @Test
        @Order(2)
        void builderProfile(LiveKitSimulator sim, TestReporter reporter) {
            report(sim, reporter);
        }
    }
}
