package dev.dispatchsim.tests.ui;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.RoomConfig;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.report.TimelineReport;
import dev.dispatchsim.tests.ui.support.Browser;
import dev.dispatchsim.tests.ui.support.TimelinePage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand rooms: the page keeps a screenful of them in the document (the room index, the cards and their
 * charts are virtualised), and finds any one of them by its name.
 */
@Tag("browser")
@Timeout(240)
class ManyRoomsBrowserTest {

    private static final int ROOMS = 1000;

    @Test
    void should_keep_only_a_screenful_of_rooms_in_the_page_and_find_any_by_name_when_the_run_has_a_thousand_rooms(
            @TempDir Path dir) {
        // GIVEN the report of a run with a thousand rooms, each with a caller and an agent nobody serves
        Path report;
        try (LiveKitSimulator sim = LiveKitSimulator.builder().clock(new ManualClock()).start()) {
            for (int i = 1; i <= ROOMS; i++) {
                sim.admin().addParticipant(String.format("room-%04d", i), "caller",
                        SimParticipant.human().withRoomConfig(RoomConfig.withAgents("stt-agent")));
            }
            report = TimelineReport.of(sim).title("a thousand rooms").writeTo(dir.resolve("many.html"));
        }

        try (Browser browser = Browser.open()) {
            // WHEN it is opened
            browser.go(report.toUri().toString());
            TimelinePage page = new TimelinePage(browser).awaitReady();

            // THEN it counts every room, but the document holds only the few on screen, each drawn at most once
            browser.await("1000 rooms counted", d -> browser.one("#room-count").getText().equals(ROOMS + " rooms"));
            assertThat(page.rooms()).hasSizeBetween(1, 60).startsWith("room-0001");
            assertThat(browser.all(".card")).hasSizeBetween(1, 8);
            assertThat(browser.all("#dispatch-list .job-row")).hasSizeBetween(1, 40);

            // WHEN a room far down the list is looked for by name
            browser.one("#room-filter").sendKeys("room-0999");

            // THEN it alone is listed, and its timeline is drawn
            page.awaitRooms(List.of("room-0999"));
            page.select("room-0999");
            assertThat(page.chart("room-0999").labels()).contains("joined: caller", "dispatch stt-agent (token)");
            browser.await("one count of rooms", d -> browser.one("#room-count").getText().equals("1 of " + ROOMS + " rooms"));
            browser.screenshot("a-thousand-rooms-filtered");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
