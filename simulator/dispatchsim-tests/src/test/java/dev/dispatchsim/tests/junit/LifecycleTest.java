package dev.dispatchsim.tests.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.junit.support.Fixture;
import dev.dispatchsim.tests.junit.support.FixtureRun;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator lives as long as what holds the extension: the class (static field, annotation) or one test (instance field). */
@Timeout(60)
class LifecycleTest {

    @Test
    void should_share_one_simulator_and_close_it_after_the_class_when_registered_in_a_static_field() {
        // GIVEN a class with a static extension field and two tests
        // WHEN it runs
        EngineExecutionResults results = FixtureRun.run(StaticField.class);

        // THEN both tests ran against the same simulator, which is closed once the class is done
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        List<String> ports = FixtureRun.reported(results, "port");
        assertThat(ports).hasSize(2).containsOnly(ports.get(0));
        assertClosed(ports.get(0));
    }

    @Test
    void should_start_a_fresh_simulator_per_test_and_close_each_when_registered_in_an_instance_field() {
        // GIVEN a class with an instance extension field and two tests
        // WHEN it runs
        EngineExecutionResults results = FixtureRun.run(InstanceField.class);

        // THEN each test had its own simulator, and each is closed
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        List<String> ports = FixtureRun.reported(results, "port");
        assertThat(ports).hasSize(2).doesNotHaveDuplicates();
        ports.forEach(LifecycleTest::assertClosed);
    }

    @Test
    void should_share_one_simulator_per_class_when_the_class_is_annotated() {
        // GIVEN a class annotated @LiveKitSimulatorTest with two tests
        // WHEN it runs
        EngineExecutionResults results = FixtureRun.run(Annotated.class);

        // THEN both tests ran against one simulator
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        List<String> ports = FixtureRun.reported(results, "port");
        assertThat(ports).hasSize(2).containsOnly(ports.get(0));
        assertClosed(ports.get(0));
    }

    @Test
    void should_share_one_simulator_when_an_instance_field_lives_as_long_as_the_class() {
        // GIVEN an instance field in a @TestInstance(PER_CLASS) class: the field lives as long as the class
        // WHEN it runs
        EngineExecutionResults results = FixtureRun.run(PerClassInstanceField.class);

        // THEN so does the simulator
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        List<String> ports = FixtureRun.reported(results, "port");
        assertThat(ports).hasSize(2).containsOnly(ports.get(0));
    }

    @Test
    void should_give_a_nested_class_its_enclosing_class_simulator_when_the_field_is_static() {
        // GIVEN an outer class with a static field, and a @Nested class
        // WHEN both run
        EngineExecutionResults results = FixtureRun.run(Outer.class);

        // THEN the nested test got the outer class's simulator
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        List<String> ports = FixtureRun.reported(results, "port");
        assertThat(ports).hasSize(2).containsOnly(ports.get(0));
    }

    private static void assertClosed(String port) {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(port))) {
                socket.getInputStream();
            }
        }).as("port %s after the simulator's scope ended", port).isInstanceOf(ConnectException.class);
    }

    static void report(LiveKitSimulator sim, TestReporter reporter) throws IOException {
        assertThat(sim.journal().entries()).as("journal at the start of a test").isEmpty();
        reporter.publishEntry("port", Integer.toString(sim.port()));
    }

    @Fixture
    static class StaticField {
        @RegisterExtension
        static final LiveKitSimulatorExtension SIM = LiveKitSimulatorExtension.builder().build();

        @Test
        void first(LiveKitSimulator sim, TestReporter reporter) throws IOException {
            report(sim, reporter);
        }

        @Test
        void second(LiveKitSimulator sim, TestReporter reporter) throws IOException {
            report(sim, reporter);
        }
    }

    @Fixture
    static class InstanceField {
        @RegisterExtension
        final LiveKitSimulatorExtension sim = LiveKitSimulatorExtension.builder().build();

        @Test
        void first(LiveKitSimulator sim, TestReporter reporter) throws IOException {
            report(sim, reporter);
        }

        @Test
        void second(LiveKitSimulator sim, TestReporter reporter) throws IOException {
            report(sim, reporter);
        }
    }

    @Fixture
    @LiveKitSimulatorTest
    static class Annotated {
        @Test
        void first(LiveKitSimulator sim, TestReporter reporter) throws IOException {
            report(sim, reporter);
        }

        @Test
        void second(LiveKitSimulator sim, TestReporter reporter) throws IOException {
            report(sim, reporter);
        }
    }

    @Fixture
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstanceField {
        @RegisterExtension
        final LiveKitSimulatorExtension sim = LiveKitSimulatorExtension.builder().build();

        @Test
        void first(LiveKitSimulator sim, TestReporter reporter) throws IOException {
            report(sim, reporter);
        }

        @Test
        void second(LiveKitSimulator sim, TestReporter reporter) throws IOException {
            report(sim, reporter);
        }
    }

    @Fixture
    static class Outer {
        @RegisterExtension
        static final LiveKitSimulatorExtension SIM = LiveKitSimulatorExtension.builder().build();

        @Test
        void outer(LiveKitSimulator sim, TestReporter reporter) throws IOException {
            report(sim, reporter);
        }

        @Nested
        class Inner {
            @Test
            void inner(LiveKitSimulator sim, TestReporter reporter) throws IOException {
                report(sim, reporter);
            }
        }
    }
}
