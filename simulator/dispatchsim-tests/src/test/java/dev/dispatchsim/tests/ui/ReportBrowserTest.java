package dev.dispatchsim.tests.ui;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.report.TimelineReport;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.junit.support.Fixture;
import dev.dispatchsim.tests.junit.support.FixtureRun;
import dev.dispatchsim.tests.support.RawAdminHttp;
import dev.dispatchsim.tests.support.Sims;
import dev.dispatchsim.tests.ui.support.Browser;
import dev.dispatchsim.tests.ui.support.DroppedSessions;
import dev.dispatchsim.tests.ui.support.TimelinePage;
import dev.dispatchsim.tests.ui.support.TimelinePage.Lie;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.dispatchsim.assertions.SimulatorAssertions.assertThat;
import static dev.dispatchsim.tests.ui.support.DroppedSessions.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of a failed test, and a saved journal, opened from disk in a real browser with no server: the
 * same picture as the live page, offline.
 */
@Tag("browser")
@Timeout(180)
class ReportBrowserTest {

    private static final List<String> SESSIONS = List.of("session-1", "session-2", "session-3", "session-4");
    private static final String NEVER_OFFERED = "never offered: its AvailabilityRequest was dropped";
    private static final Pattern REPORT_LINE = Pattern.compile("timeline report: (file:\\S+)");

    @Test
    void should_write_a_report_that_opens_offline_with_the_dropped_requests_and_the_lie_when_a_test_fails() throws Exception {
        // GIVEN a test that runs four sessions under createroom-agents-dropped and expects session-2's agent
        // WHEN it runs, and fails
        Throwable failure = FixtureRun.failures(FixtureRun.run(FailingSessions.class)).get(0);

        // THEN its failure names the report it wrote, under target/dispatchsim-reports
        Path report = reportOf(failure);
        assertThat(report).startsWith(Path.of("target", "dispatchsim-reports").toAbsolutePath()).isRegularFile();
        assertThat(Files.readString(report)).as("self-contained: no script or style loaded from anywhere")
                .doesNotContain("<script src=", "<link rel=\"stylesheet\"");

        // AND a browser opening the file from disk sees the same race: four sessions, three dropped requests, the lie
        try (Browser browser = Browser.open()) {
            browser.go(report.toUri().toString());
            TimelinePage page = new TimelinePage(browser).awaitReady();
            assertThat(page.awaitRooms(SESSIONS)).hasSize(4);
            assertThat(page.feed()).isEqualTo("report");
            assertThat(page.clock()).startsWith("ManualClock");
            assertThat(page.runInfo()).contains("seed 42", "profile createroom-agents-dropped");
            assertThat(browser.one("#note-text").getText()).contains("no agent 'stt-agent' in room 'session-2'");
            for (String room : List.of("session-2", "session-3", "session-4")) {
                page.select(room);
                assertThat(page.marks(room)).extracting(TimelinePage.Mark::kind).containsExactly("drop");
                assertThat(page.chart(room).drawnCrosses()).as("✕ drawn in %s", room).isEqualTo(1);
                assertThat(page.lies(room)).containsExactly(new Lie("JS_RUNNING", NEVER_OFFERED, true));
            }
            browser.screenshot("report-of-a-failed-test");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void should_show_a_saved_journal_export_and_draw_unknown_entries_generically_when_it_is_opened_on_a_report_page(
            @TempDir Path dir) throws Exception {
        // GIVEN the admin export of a run (GET /_sim/journal, JSON Lines), saved as a CI artifact would be,
        // with an entry of a type this page has never heard of (a newer simulator's)
        Path journal = dir.resolve("journal.jsonl");
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(42).clock(new ManualClock())
                .profile(DroppedSessions.PROFILE).start();
             FakeAgentWorker worker = Sims.worker(sim, AGENT).connect()) {
            DroppedSessions.run(sim, worker, 1, 4);
            String export = new RawAdminHttp(sim.httpUrl()).call("GET", "/_sim/journal").body();
            long next = sim.journal().lastSeq() + 1;
            Files.writeString(journal, export + "{\"seq\":" + next + ",\"virtualTime\":\"" + sim.clock().now()
                    + "\",\"wallTime\":\"" + sim.clock().now() + "\",\"type\":\"AgentArrivedLate\",\"event\":{\"room\":"
                    + "\"session-3\",\"by\":\"PT7S\"}}\n");
        }
        // AND a report page of an empty run
        Path emptyReport;
        try (LiveKitSimulator empty = LiveKitSimulator.builder().start()) {
            emptyReport = TimelineReport.of(empty).title("empty").writeTo(dir.resolve("empty.html"));
        }

        try (Browser browser = Browser.open()) {
            browser.go(emptyReport.toUri().toString());
            TimelinePage page = new TimelinePage(browser).awaitReady();
            assertThat(page.rooms()).isEmpty();

            // WHEN the saved journal is opened on it
            browser.one("#journal-file").sendKeys(journal.toString());

            // THEN the page shows that run: four sessions, the dropped requests, the lie, and the unknown entry
            assertThat(page.awaitRooms(SESSIONS)).hasSize(4);
            assertThat(page.feed()).isEqualTo("file");
            assertThat(browser.one("#title").getText()).isEqualTo("journal.jsonl");
            page.select("session-3");
            assertThat(page.marks("session-3")).extracting(TimelinePage.Mark::kind).containsExactly("drop");
            assertThat(page.lies("session-3")).containsExactly(new Lie("JS_RUNNING", NEVER_OFFERED, true));
            assertThat(page.chart("session-3").labels()).contains("AgentArrivedLate");
            // a journal alone does not name the profile: the rules are those seen firing, in the order they first did
            assertThat(page.rules()).containsExactly("report-running-anyway: 4 fires", "drop-createroom-sessions-2-to-4: 3 fires");
            browser.screenshot("saved-journal-opened");

            // AND dropping the file on a fresh page does the same (the drop event a drag from the desktop sends)
            browser.go(emptyReport.toUri().toString());
            new TimelinePage(browser).awaitReady();
            browser.script("const files = new DataTransfer(); files.items.add(new File([arguments[0]], 'dropped.jsonl'));"
                    + "document.body.dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}));",
                    Files.readString(journal));
            assertThat(page.awaitRooms(SESSIONS)).hasSize(4);
            assertThat(browser.one("#title").getText()).isEqualTo("dropped.jsonl");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static Path reportOf(Throwable failure) {
        String info = Arrays.stream(failure.getSuppressed()).map(Throwable::getMessage).filter(m -> m.startsWith("dispatchsim:"))
                .findFirst().orElseThrow(() -> new AssertionError("no replay information on " + failure));
        Matcher line = REPORT_LINE.matcher(info);
        assertThat(line.find()).as("a report line in %s", info).isTrue();
        return Path.of(URI.create(line.group(1)));
    }

    @Fixture
    @LiveKitSimulatorTest(seed = 42, clock = ClockMode.MANUAL, profile = DroppedSessions.PROFILE)
    static class FailingSessions {
        @Test
        void test(LiveKitSimulator sim) {
            try (FakeAgentWorker worker = Sims.worker(sim, AGENT).connect()) {
                DroppedSessions.run(sim, worker, 1, 4);
                assertThat(sim).room("session-2").hasAgent(AGENT);
            }
        }
    }
}
