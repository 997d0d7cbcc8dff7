package dev.dispatchsim.tests.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.clock.SystemClock;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.junit.support.Fixture;
import dev.dispatchsim.tests.junit.support.FixtureRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Each setting of the annotation and of the builder reaches the simulator. */
@Timeout(60)
class OptionsTest {

    @Test
    void should_start_the_simulator_as_the_annotation_says() {
        EngineExecutionResults results = FixtureRun.run(AnnotationSettings.class);
        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void should_start_the_simulator_as_the_builder_says() {
        EngineExecutionResults results = FixtureRun.run(BuilderSettings.class);
        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void should_run_on_real_time_with_livekit_defaults_when_nothing_is_set() {
        EngineExecutionResults results = FixtureRun.run(Defaults.class);
        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Fixture
    @LiveKitSimulatorTest(seed = 99, clock = ClockMode.MANUAL, apiKey = "app-key", apiSecret = "app-secret",
            availabilityTimeoutMillis = 2500, listingLagMillis = 0, agentJoinDelayMillis = 250,
            profile = "src/test/resources/profiles/from-classpath.yaml")
    static class AnnotationSettings {
        @Test
        void test(LiveKitSimulator sim) {
            assertThat(sim.seed()).isEqualTo(99);
            assertThat(sim.clock()).isInstanceOf(ManualClock.class);
            assertThat(sim.apiKey()).isEqualTo("app-key");
            assertThat(sim.apiSecret()).isEqualTo("app-secret");
            assertThat(sim.settings().availabilityTimeout()).isEqualTo(Duration.ofMillis(2500));
            assertThat(sim.settings().listingLag()).isZero();
            assertThat(sim.settings().agentJoinDelay()).isEqualTo(Duration.ofMillis(250));
            assertThat(sim.profile().name()).as("profile read from a file path").isEqualTo("from-classpath");
        }
    }

    @Fixture
    static class BuilderSettings {
        @RegisterExtension
        static final LiveKitSimulatorExtension SIM = LiveKitSimulatorExtension.builder()
                .seed(7).clock(ClockMode.MANUAL).apiKey("k2", "s2").availabilityTimeout(Duration.ofMillis(1500))
                .listingLag(Duration.ofSeconds(2)).agentJoinDelay(Duration.ZERO)
                .profileYaml("name: inline-builder\nrules: []\n")
                .configure(builder -> builder.targetLoad(0.9))
                .build();

        @Test
        void test(LiveKitSimulator sim) {
            assertThat(sim.seed()).isEqualTo(7);
            assertThat(sim.clock()).isInstanceOf(ManualClock.class);
            assertThat(sim.apiKey()).isEqualTo("k2");
            assertThat(sim.settings().availabilityTimeout()).isEqualTo(Duration.ofMillis(1500));
            assertThat(sim.settings().listingLag()).isEqualTo(Duration.ofSeconds(2));
            assertThat(sim.settings().agentJoinDelay()).isZero();
            assertThat(sim.settings().targetLoad()).isEqualTo(0.9);
            assertThat(sim.profile().name()).isEqualTo("inline-builder");
        }
    }

    @Fixture
    @LiveKitSimulatorTest
    static class Defaults {
        @Test
        void test(LiveKitSimulator sim) {
            assertThat(sim.seed()).isZero();
            assertThat(sim.clock()).isInstanceOf(SystemClock.class);
            assertThat(sim.apiKey()).isEqualTo("devkey");
            assertThat(sim.settings().availabilityTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(sim.settings().listingLag()).isEqualTo(Duration.ofSeconds(5));
            assertThat(sim.settings().agentJoinDelay()).isEqualTo(Duration.ofMillis(1500));
            assertThat(sim.profile().name()).isEqualTo("none");
        }
    }
}
