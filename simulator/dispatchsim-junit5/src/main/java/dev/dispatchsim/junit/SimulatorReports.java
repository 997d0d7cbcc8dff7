package dev.dispatchsim.junit;

import dev.dispatchsim.report.TimelineReport;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timeline report (one self-contained HTML file) of a test's journal: written for every failed test, and
 * for passing ones too when asked. Two JUnit configuration parameters (junit-platform.properties, or
 * {@code -D} system properties) steer it: {@value #MODE} = {@code on-failure} (default), {@code always} or
 * {@code never}; {@value #DIR} = the directory, {@code target/dispatchsim-reports} by default.
 */
final class SimulatorReports {

    static final String MODE = "dispatchsim.report";
    static final String DIR = "dispatchsim.report.dir";
    static final String DEFAULT_DIR = "target/dispatchsim-reports";
    private static final Pattern INVOCATION = Pattern.compile("#(\\d+)]$");

    enum Mode { ON_FAILURE, ALWAYS, NEVER }

    private SimulatorReports() {
    }

    static Mode mode(ExtensionContext context) {
        String value = context.getConfigurationParameter(MODE).orElse("on-failure").strip();
        try {
            return Mode.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new ExtensionConfigurationException("configuration parameter " + MODE + "='" + value
                    + "' is not valid; valid: on-failure, always, never");
        }
    }

    /** Writes the report of the test's journal; {@code failure} (may be null) is shown at the top. */
    static Path write(ExtensionContext context, RunningSimulator running, Throwable failure) {
        Path file = Path.of(context.getConfigurationParameter(DIR).orElse(DEFAULT_DIR))
                .resolve(safe(context.getRequiredTestClass().getName()))
                .resolve(safe(context.getRequiredTestMethod().getName() + invocation(context)) + ".html");
        String title = context.getRequiredTestClass().getSimpleName() + " › " + context.getDisplayName()
                + (failure == null ? "" : " (failed)");
        TimelineReport report = TimelineReport.of(running.sim()).title(title);
        if (failure != null) {
            report = report.note(failure.toString());
        }
        Path written = report.writeTo(file).toAbsolutePath();
        context.publishReportEntry("dispatchsim.report", written.toUri().toString());
        return written;
    }

    /** "-2" for the second invocation of a parameterized or repeated test, "" otherwise. */
    private static String invocation(ExtensionContext context) {
        Matcher index = INVOCATION.matcher(context.getUniqueId());
        return index.find() ? "-" + index.group(1) : "";
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
