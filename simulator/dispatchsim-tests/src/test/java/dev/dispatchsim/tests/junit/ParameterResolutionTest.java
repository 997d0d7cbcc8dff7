package dev.dispatchsim.tests.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.junit.SimulatorRuntimeInfo;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.junit.support.Fixture;
import dev.dispatchsim.tests.junit.support.FixtureRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator, its runtime info, and under a ManualClock the clock and VirtualTime, wherever JUnit resolves parameters. */
@Timeout(60)
class ParameterResolutionTest {

    @Test
    void should_resolve_the_same_simulator_everywhere_when_it_is_shared_by_the_class() {
        // GIVEN a static field, and parameters in the constructor, @BeforeAll, @BeforeEach, the test and @AfterEach
        // WHEN the class runs
        EngineExecutionResults results = FixtureRun.run(SharedEverywhere.class);

        // THEN each got the same simulator, and its runtime info describes it
        results.allEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(FixtureRun.reported(results, "port")).hasSize(5).containsOnly(FixtureRun.reported(results, "port").get(0));
    }

    @Test
    void should_resolve_the_test_own_simulator_in_before_each_test_and_after_each_when_it_is_per_test() {
        // GIVEN an instance field, and parameters in @BeforeEach, the test and @AfterEach
        // WHEN the class runs
        EngineExecutionResults results = FixtureRun.run(PerTestEverywhere.class);

        // THEN each of the two tests saw one simulator throughout, not the other test's
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        List<String> ports = FixtureRun.reported(results, "port");
        assertThat(ports).hasSize(6);
        assertThat(ports.subList(0, 3)).containsOnly(ports.get(0));
        assertThat(ports.subList(3, 6)).containsOnly(ports.get(3));
        assertThat(ports.get(0)).isNotEqualTo(ports.get(3));
    }

    @Test
    void should_resolve_the_manual_clock_and_virtual_time_when_the_annotation_asks_for_a_manual_clock() {
        // GIVEN @LiveKitSimulatorTest(clock = MANUAL, seed = 42)
        // WHEN a test asks for the clock, VirtualTime and runtime info
        EngineExecutionResults results = FixtureRun.run(ManualAnnotated.class);

        // THEN it gets them, and the seed is the annotation's
        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(FixtureRun.reported(results, "seed")).containsExactly("42");
    }

    @Test
    void should_explain_how_to_get_a_manual_clock_when_the_simulator_runs_on_real_time() {
        // GIVEN a simulator on the default (system) clock
        // WHEN a test asks for a ManualClock
        EngineExecutionResults results = FixtureRun.run(ManualClockOnSystemTime.class);

        // THEN the test fails saying which simulator and how to fix it
        assertThat(FixtureRun.failures(results)).singleElement()
                .isInstanceOf(ParameterResolutionException.class)
                .extracting(Throwable::getMessage)
                .isEqualTo("parameter ManualClock of void " + ManualClockOnSystemTime.class.getName()
                        + ".test(dev.dispatchsim.clock.ManualClock) needs a simulator on a ManualClock, but the one of "
                        + "@LiveKitSimulatorTest on " + ManualClockOnSystemTime.class.getName() + " runs on SystemClock; "
                        + "set clock = ClockMode.MANUAL (annotation) or .clock(ClockMode.MANUAL) (builder)");
    }

    static void report(String where, LiveKitSimulator sim, SimulatorRuntimeInfo info, TestReporter reporter) {
        assertThat(info).as(where).isEqualTo(SimulatorRuntimeInfo.of(sim));
        assertThat(info.toString()).as(where).doesNotContain(info.apiSecret());
        reporter.publishEntry("port", Integer.toString(sim.port()));
    }

    @Fixture
    static class SharedEverywhere {
        @RegisterExtension
        static final LiveKitSimulatorExtension SIM = LiveKitSimulatorExtension.builder().apiKey("k1", "s1-secret").build();

        private final LiveKitSimulator fromConstructor;
        private final SimulatorRuntimeInfo infoFromConstructor;

        SharedEverywhere(LiveKitSimulator sim, SimulatorRuntimeInfo info) {
            this.fromConstructor = sim;
            this.infoFromConstructor = info;
        }

        @BeforeAll
        static void beforeAll(LiveKitSimulator sim, SimulatorRuntimeInfo info, TestReporter reporter) {
            report("@BeforeAll", sim, info, reporter);
        }

        @BeforeEach
        void beforeEach(LiveKitSimulator sim, SimulatorRuntimeInfo info, TestReporter reporter) {
            report("constructor", fromConstructor, infoFromConstructor, reporter);
            report("@BeforeEach", sim, info, reporter);
        }

        @Test
        void test(LiveKitSimulator sim, SimulatorRuntimeInfo info, TestReporter reporter) throws Exception {
            report("test", sim, info, reporter);
            assertThat(info.apiKey()).isEqualTo("k1");
            assertThat(info.apiSecret()).isEqualTo("s1-secret");
            HttpResponse<String> root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(info.httpUrl() + "/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(root.body()).as("GET / on the runtime info's httpUrl").isEqualTo("OK");
            assertThat(info.wsUrl()).isEqualTo(info.httpUrl().replace("http://", "ws://"));
        }

        @AfterEach
        void afterEach(LiveKitSimulator sim, SimulatorRuntimeInfo info, TestReporter reporter) {
            report("@AfterEach", sim, info, reporter);
        }
    }

    @Fixture
    static class PerTestEverywhere {
        @RegisterExtension
        final LiveKitSimulatorExtension sim = LiveKitSimulatorExtension.builder().build();

        @BeforeEach
        void beforeEach(LiveKitSimulator sim, SimulatorRuntimeInfo info, TestReporter reporter) {
            report("@BeforeEach", sim, info, reporter);
        }

        @Test
        void first(LiveKitSimulator sim, SimulatorRuntimeInfo info, TestReporter reporter) {
            report("test", sim, info, reporter);
        }

        @Test
        void second(LiveKitSimulator sim, SimulatorRuntimeInfo info, TestReporter reporter) {
            report("test", sim, info, reporter);
        }

        @AfterEach
        void afterEach(LiveKitSimulator sim, SimulatorRuntimeInfo info, TestReporter reporter) {
            report("@AfterEach", sim, info, reporter);
        }
    }

    @Fixture
    @LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42)
    static class ManualAnnotated {
        @Test
        void test(LiveKitSimulator sim, ManualClock clock, VirtualTime time, SimulatorRuntimeInfo info, TestReporter reporter) {
            assertThat(sim.clock()).isSameAs(clock);
            time.advance(Duration.ofSeconds(3));
            assertThat(clock.now()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(3));
            reporter.publishEntry("seed", Long.toString(info.seed()));
        }
    }

    @Fixture
    @LiveKitSimulatorTest
    static class ManualClockOnSystemTime {
        @Test
        void test(ManualClock clock) {
        }
    }
}
