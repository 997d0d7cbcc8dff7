package dev.dispatchsim.tests.junit.support;

import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs {@link Fixture} classes through the Jupiter engine, as a user's build would, and reads what they reported. */
public final class FixtureRun {

    static final String PARAMETER = "dispatchsim.fixture-run";

    private FixtureRun() {
    }

    public static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    /** Classes in parallel, methods of one class in sequence (JUnit's recommended parallel setting). */
    public static EngineExecutionResults runClassesInParallel(Class<?>... fixtures) {
        return run(parallel("same_thread", "concurrent"), fixtures);
    }

    /** Everything concurrent: classes and the methods of each class. */
    public static EngineExecutionResults runAllConcurrently(Class<?>... fixtures) {
        return run(parallel("concurrent", "concurrent"), fixtures);
    }

    public static EngineExecutionResults run(Map<String, String> configuration, Class<?>... fixtures) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(PARAMETER, "true")
                .configurationParameters(configuration)
                .selectors(Arrays.stream(fixtures).map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new));
        return builder.execute();
    }

    /** Every value the fixtures published under {@code key} with a TestReporter, in order. */
    public static List<String> reported(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow())
                .map(entry -> entry.getKeyValuePairs().get(key))
                .filter(value -> value != null)
                .toList();
    }

    /** The throwable of each failed test or container, in order. */
    public static List<Throwable> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(Event::getPayload)
                .map(payload -> payload.orElseThrow())
                .map(result -> ((org.junit.platform.engine.TestExecutionResult) result).getThrowable().orElseThrow())
                .toList();
    }

    private static Map<String, String> parallel(String methods, String classes) {
        return Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", methods,
                "junit.jupiter.execution.parallel.mode.classes.default", classes,
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    }
}
