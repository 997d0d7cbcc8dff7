package dev.dispatchsim.tests.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.RoomCreated;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.junit.support.Fixture;
import dev.dispatchsim.tests.junit.support.FixtureRun;
import dev.dispatchsim.tests.support.RoomApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under JUnit's parallel execution each class (or each test, per-test) has its own simulator on its own
 * port, and none sees another's rooms. A barrier makes two of them provably run at the same time.
 */
@Timeout(120)
class ParallelTest {

    /** Both parties of each barrier must be inside their test at once, or the await times out and the fixture fails. */
    private static final CyclicBarrier TWO_CLASSES = new CyclicBarrier(2);
    private static final CyclicBarrier TWO_TESTS = new CyclicBarrier(2);

    @Test
    void should_give_each_class_its_own_simulator_when_classes_run_in_parallel() {
        // GIVEN four annotated classes, two of which wait for each other
        // WHEN they run with classes in parallel
        EngineExecutionResults results = FixtureRun.runClassesInParallel(ClassA.class, ClassB.class, ClassC.class, ClassD.class);

        // THEN every test passed (each saw only its own room) on four different ports
        results.allEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.succeeded(8));
        List<String> ports = FixtureRun.reported(results, "port");
        assertThat(ports).hasSize(8);
        assertThat(ports.stream().distinct()).hasSize(4);
    }

    @Test
    void should_give_each_test_its_own_simulator_when_tests_of_one_class_run_concurrently() {
        // GIVEN a class with a per-test simulator whose two tests wait for each other
        // WHEN classes and methods all run concurrently
        EngineExecutionResults results = FixtureRun.runAllConcurrently(ConcurrentTests.class);

        // THEN both passed, each on its own simulator
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(FixtureRun.reported(results, "port")).hasSize(2).doesNotHaveDuplicates();
    }

    static void ownRoomOnly(LiveKitSimulator sim, String room, CyclicBarrier barrier, TestReporter reporter) throws Exception {
        new RoomApi(sim).createRoom(room, null);
        if (barrier != null) {
            barrier.await(30, TimeUnit.SECONDS);
        }
        assertThat(sim.admin().state().rooms()).extracting(r -> r.room().name()).containsExactly(room);
        assertThat(sim.journal().events(RoomCreated.class)).extracting(RoomCreated::room).containsExactly(room);
        reporter.publishEntry("port", Integer.toString(sim.port()));
    }

    @Fixture
    @LiveKitSimulatorTest
    static class ClassA {
        @Test
        void first(LiveKitSimulator sim, TestReporter reporter) throws Exception {
            ownRoomOnly(sim, "a1", TWO_CLASSES, reporter);
        }

        @Test
        void second(LiveKitSimulator sim, TestReporter reporter) throws Exception {
            ownRoomOnly(sim, "a2", null, reporter);
        }
    }

    @Fixture
    @LiveKitSimulatorTest
    static class ClassB {
        @Test
        void first(LiveKitSimulator sim, TestReporter reporter) throws Exception {
            ownRoomOnly(sim, "b1", TWO_CLASSES, reporter);
        }

        @Test
        void second(LiveKitSimulator sim, TestReporter reporter) throws Exception {
            ownRoomOnly(sim, "b2", null, reporter);
        }
    }

    @Fixture
    @LiveKitSimulatorTest(clock = ClockMode.MANUAL)
    static class ClassC {
        @Test
        void first(LiveKitSimulator sim, TestReporter reporter) throws Exception {
            ownRoomOnly(sim, "c1", null, reporter);
        }

        @Test
        void second(LiveKitSimulator sim, TestReporter reporter) throws Exception {
            ownRoomOnly(sim, "c2", null, reporter);
        }
    }

    @Fixture
    static class ClassD {
        @RegisterExtension
        static final LiveKitSimulatorExtension SIM = LiveKitSimulatorExtension.builder().profile("late-delivery").build();

        @Test
        void first(LiveKitSimulator sim, TestReporter reporter) throws Exception {
            ownRoomOnly(sim, "d1", null, reporter);
        }

        @Test
        void second(LiveKitSimulator sim, TestReporter reporter) throws Exception {
            ownRoomOnly(sim, "d2", null, reporter);
        }
    }

    @Fixture
    static class ConcurrentTests {
        @RegisterExtension
        final LiveKitSimulatorExtension sim = LiveKitSimulatorExtension.builder().build();

        @Test
        void first(LiveKitSimulator sim, TestReporter reporter) throws Exception {
            ownRoomOnly(sim, "room", TWO_TESTS, reporter);
        }

        @Test
        void second(LiveKitSimulator sim, TestReporter reporter) throws Exception {
            ownRoomOnly(sim, "room", TWO_TESTS, reporter);
        }
    }
}
