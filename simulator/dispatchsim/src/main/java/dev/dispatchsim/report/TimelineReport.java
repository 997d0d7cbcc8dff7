package dev.dispatchsim.report;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.internal.ui.ReportData;
import dev.dispatchsim.internal.ui.UiPages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A picture of one run as a single HTML file: the timeline of every room (the app's Twirp calls, the server,
 * each worker, the room, with every fault decision drawn on the message it touched), the state with the truth
 * beside what ListDispatch said, the seed, the clock and the profile. Everything is inlined (scripts, styles,
 * the journal), so the file opens from disk in any browser, offline. The JUnit extension writes one for every
 * failed test; {@code GET /_sim/report} serves the same for a running simulator.
 *
 * <pre>{@code
 * TimelineReport.of(sim).title("checkout flow").writeTo(Path.of("target/checkout.html"));
 * }</pre>
 */
public final class TimelineReport {

    private final ReportData data;

    private TimelineReport(ReportData data) {
        this.data = data;
    }

    /** The simulator's journal, state, seed, clock and profile, as they are now. */
    public static TimelineReport of(LiveKitSimulator sim) {
        return new TimelineReport(ReportData.snapshot(sim.admin(), sim.profile(), "dispatchsim report", "", "api"));
    }

    /** The page's title (a test's name, say). */
    public TimelineReport title(String title) {
        return new TimelineReport(new ReportData(title, withTitle(title), data.state(), data.journalLines(), data.note()));
    }

    /** Text shown above the timelines, e.g. why the report was written: a failed test's message. */
    public TimelineReport note(String note) {
        return new TimelineReport(new ReportData(data.title(), data.meta(), data.state(), data.journalLines(), note));
    }

    /** The whole page. */
    public String html() {
        return UiPages.report(data);
    }

    /** Writes the page to {@code file}, creating its directories; returns the file. */
    public Path writeTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, html(), StandardCharsets.UTF_8);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot write the dispatchsim report " + file.toAbsolutePath(), cannotWrite);
        }
    }

    private Map<String, Object> withTitle(String title) {
        Map<String, Object> meta = new LinkedHashMap<>(data.meta());
        meta.put("title", title);
        return meta;
    }
}
