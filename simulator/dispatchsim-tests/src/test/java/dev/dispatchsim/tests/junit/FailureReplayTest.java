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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed test carries the seed, the profile, its timeline report's path and the journal's tail, so it can be
 * replayed and understood.
 */
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
        // AND the timeline report it names is under target/dispatchsim-reports, with that test's journal and failure
        Path report = reportPath(failure);
        assertThat(report).startsWith(Path.of(REPORTS).toAbsolutePath())
                .hasFileName("test.html").content()
                .contains("DispatchUndeliverable", "deliver-6-to-16s-late", "[the agent joined]", "late-delivery");
        assertThat(FixtureRun.reported(results, "dispatchsim.report")).containsExactly(report.toUri().toString());
    }

    @Test
    void should_write_no_report_for_a_passing_test_unless_asked_to_keep_them_all() {
        // GIVEN a passing test, run once with the default and once with dispatchsim.report=always
        Path kept = Path.of(REPORTS, Passing.class.getName().replace('$', '_'), "test.html").toAbsolutePath();
        deleteIfExists(kept);

        // WHEN it runs by default, THEN no report is written
        assertThat(FixtureRun.failures(FixtureRun.run(Passing.class))).isEmpty();
        assertThat(kept).doesNotExist();

        // WHEN it runs with reports kept for passing tests too, THEN its report is there, without a failure note
        EngineExecutionResults always = FixtureRun.run(Map.of("dispatchsim.report", "always"), Passing.class);
        assertThat(FixtureRun.failures(always)).isEmpty();
        assertThat(kept).content().contains("RoomCreated", "\"note\":\"\"");
        assertThat(FixtureRun.reported(always, "dispatchsim.report")).containsExactly(kept.toUri().toString());
    }

    @Test
    void should_say_why_there_is_no_report_when_reports_are_turned_off_or_the_mode_is_unknown() {
        // GIVEN the failing test, with reports turned off, then with a mode that does not exist
        // WHEN it runs, THEN the failure still carries its replay information and says why there is no report
        String off = replayInfoOf(FixtureRun.run(Map.of("dispatchsim.report", "never"), FailingDispatch.class));
        assertThat(off).contains("timeline report: not written (dispatchsim.report=never)");
        String unknown = replayInfoOf(FixtureRun.run(Map.of("dispatchsim.report", "sometimes"), FailingDispatch.class));
        assertThat(unknown).contains("timeline report: not written: ")
                .contains("dispatchsim.report='sometimes' is not valid; valid: on-failure, always, never");
    }

    @Test
    void should_say_the_simulator_was_shared_when_a_test_of_an_annotated_class_fails_in_before_each() {
        // GIVEN an annotated class whose @BeforeEach fails
        // WHEN it runs
        EngineExecutionResults results = FixtureRun.run(FailingBeforeEach.class);

        // THEN that failure carries the replay information too
        GoldenText.assertMatches("replay-info-shared", replayInfo(FixtureRun.failures(results).get(0)));
    }

    private static final String REPORTS = "target/dispatchsim-reports";
    private static final Pattern REPORT_LINE = Pattern.compile("timeline report: (file:\\S+)");

    /** The replay information, with the report's path (which depends on the checkout's place) as {@code <report>}. */
    private static String replayInfo(Throwable failure) {
        String info = replayInfoText(failure);
        Matcher report = REPORT_LINE.matcher(info);
        assertThat(report.find()).as("a report line in %s", info).isTrue();
        assertThat(Path.of(URI.create(report.group(1)))).isRegularFile();
        return info.replace(report.group(1), "<report>");
    }

    private static String replayInfoOf(EngineExecutionResults results) {
        return replayInfoText(FixtureRun.failures(results).get(0));
    }

    private static String replayInfoText(Throwable failure) {
        List<Throwable> infos = Arrays.stream(failure.getSuppressed()).filter(s -> s.getClass().getName().equals("dev.dispatchsim.junit.SimulatorReplayInfo")).toList();
        assertThat(infos).as("replay information added to %s", failure).hasSize(1);
        assertThat(infos.get(0).getStackTrace()).as("its own stack trace").isEmpty();
        return infos.get(0).getMessage();
    }

    private static Path reportPath(Throwable failure) {
        Matcher report = REPORT_LINE.matcher(replayInfoText(failure));
        assertThat(report.find()).isTrue();
        return Path.of(URI.create(report.group(1)));
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException cannotDelete) {
            throw new UncheckedIOException(cannotDelete);
        }
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
    @LiveKitSimulatorTest(seed = 3, clock = ClockMode.MANUAL)
    static class Passing {
        @Test
        void test(LiveKitSimulator sim) {
            new RoomApi(sim).createRoom("passing", null);
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
