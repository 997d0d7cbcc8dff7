package dev.dispatchsim.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.profile.Profile;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Arrays;
import java.util.List;

/**
 * Added to a failed test's exception (as a suppressed exception, so the original failure, its type
 * and its message stay as they were): the seed, the profile, the path of the timeline report and the
 * journal's tail, which is what it takes to replay the run and to see what the simulator really did.
 * It has no stack trace of its own.
 */
final class SimulatorReplayInfo extends RuntimeException {

    static final int TAIL = 25;

    SimulatorReplayInfo(String message) {
        super(message, null, false, false);
    }

    /**
     * Adds the replay information to {@code failure} once, writes the timeline report (unless turned off),
     * reports the seed, and prints it for the console.
     */
    static void attach(ExtensionContext context, RunningSimulator running, Throwable failure) {
        if (Arrays.stream(failure.getSuppressed()).anyMatch(SimulatorReplayInfo.class::isInstance)) {
            return;
        }
        SimulatorReplayInfo info = new SimulatorReplayInfo(describe(running.sim(), running.shared(), report(context, running, failure)));
        failure.addSuppressed(info);
        context.publishReportEntry("dispatchsim.seed", Long.toString(running.sim().seed()));
        System.err.println(context.getDisplayName() + " failed; " + info.getMessage());
    }

    /** The line naming the report, or saying why there is none; a report that cannot be written never hides the failure. */
    private static String report(ExtensionContext context, RunningSimulator running, Throwable failure) {
        try {
            if (SimulatorReports.mode(context) == SimulatorReports.Mode.NEVER) {
                return "timeline report: not written (" + SimulatorReports.MODE + "=never)";
            }
            return "timeline report: " + SimulatorReports.write(context, running, failure).toUri();
        } catch (RuntimeException notWritten) {
            return "timeline report: not written: " + notWritten;
        }
    }

    static String describe(LiveKitSimulator sim, boolean shared, String reportLine) {
        Profile profile = sim.profile();
        StringBuilder text = new StringBuilder("dispatchsim: seed ").append(sim.seed())
                .append(", profile '").append(profile.name()).append('\'')
                .append(profile.seedFixed() ? " (it fixes its own seed " + profile.seed().getAsLong() + ")" : "")
                .append(", ").append(sim.clock())
                .append(shared ? ", shared by the class and reset before this test" : ", started for this test")
                .append("\nto replay: run this test alone with the same seed and profile")
                .append("\n").append(reportLine);
        List<JournalEntry> all = sim.journal().entries();
        List<JournalEntry> tail = all.subList(Math.max(0, all.size() - TAIL), all.size());
        text.append(all.isEmpty() ? "\nthe journal is empty" : "\nlast " + tail.size() + " of " + all.size() + " journal entries:");
        for (JournalEntry entry : tail) {
            text.append("\n  #").append(entry.seq()).append(' ').append(entry.virtualTime()).append(' ').append(entry.event());
        }
        return text.toString();
    }
}
