package dev.dispatchsim.tests.ui;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.internal.admin.AdminJson;
import dev.dispatchsim.tests.support.RawAdminHttp;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.ui.support.EventStreamReader;
import dev.dispatchsim.tests.ui.support.EventStreamReader.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline UI's routes over a real socket: the page and its files, the live feed, the report. */
@Timeout(60)
class UiRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LiveKitSimulator sim = LiveKitSimulator.builder().seed(42).clock(new ManualClock())
            .profile("createroom-agents-dropped").start();
    private final RawAdminHttp http = new RawAdminHttp(sim.httpUrl());

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void should_serve_the_page_and_every_file_it_loads_when_the_ui_is_opened() {
        // WHEN the page is asked for
        HttpResponse<String> page = http.call("GET", "/_sim/ui");

        // THEN it is HTML that loads its files from this simulator only, and each of them is served
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .startsWith("default-src 'self'"));
        Matcher sources = Pattern.compile("(?:src|href)=\"(/_sim/ui/assets/[^\"]+)\"").matcher(page.body());
        List<String> files = sources.results().map(m -> m.group(1)).toList();
        assertThat(files).contains("/_sim/ui/assets/echarts.min.js", "/_sim/ui/assets/ui.css", "/_sim/ui/assets/app.js");
        for (String file : files) {
            HttpResponse<String> asset = http.call("GET", file);
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Type")).as(file).hasValueSatisfying(type ->
                    assertThat(type).startsWith(file.endsWith(".css") ? "text/css" : "text/javascript"));
            assertThat(asset.body()).as(file).isNotBlank();
        }
    }

    @Test
    void should_answer_404_listing_the_files_when_an_asset_does_not_exist() {
        HttpResponse<String> missing = http.call("GET", "/_sim/ui/assets/..%2Fpage.html");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(AdminJson.readMap(missing.body()).get("message").toString())
                .startsWith("no UI asset '../page.html'; assets: [").contains("echarts.min.js", "ui.css");
    }

    @Test
    void should_push_entries_as_they_are_journaled_and_start_over_after_a_reset_when_a_page_follows_the_feed() {
        // GIVEN a page following the feed of a simulator that has journaled nothing yet
        try (EventStreamReader feed = EventStreamReader.open(sim.httpUrl() + "/_sim/ui/events")) {
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.contentType()).startsWith("text/event-stream");
            Map<String, Object> meta = AdminJson.readMap(feed.next("meta", WAIT).data());
            assertThat(meta).containsEntry("seed", 42).containsEntry("clock", "manual");
            @SuppressWarnings("unchecked")
            Map<String, Object> profile = (Map<String, Object>) meta.get("profile");
            assertThat(profile).containsEntry("name", "createroom-agents-dropped").containsEntry("seed", null)
                    .containsEntry("rules", List.of("drop-createroom-sessions-2-to-4", "report-running-anyway"));

            // WHEN the app creates a room
            new RoomApi(sim).createRoom("lobby", null);

            // THEN the entries arrive, as the admin export writes them, with "resets:seq" as the event id
            Event created = feed.next(e -> e.name().equals("entries") && e.data().contains("\"RoomCreated\""), WAIT,
                    "the RoomCreated entry");
            assertThat(created.data()).startsWith("[{\"seq\":1,").contains("\"room\":\"lobby\"");
            assertThat(created.id()).startsWith("0:");

            // WHEN the simulator is reset, and a room created again
            sim.admin().reset();
            new RoomApi(sim).createRoom("again", null);

            // THEN the page is told to start over, and gets the new run from #1
            feed.next("reset", WAIT);
            Event again = feed.next(e -> e.name().equals("entries") && e.data().contains("\"again\""), WAIT, "the new room");
            assertThat(again.data()).startsWith("[{\"seq\":1,");
            assertThat(again.id()).startsWith("1:");
        }
    }

    @Test
    void should_resume_after_the_last_entry_seen_when_a_page_reconnects_with_its_last_event_id() {
        // GIVEN three rooms created (entries #1 to #n)
        RoomApi api = new RoomApi(sim);
        api.createRoom("a", null);
        api.createRoom("b", null);
        long seenUpTo = sim.journal().lastSeq();
        api.createRoom("c", null);

        // WHEN a page reconnects saying it saw everything up to the second room
        try (EventStreamReader feed = EventStreamReader.open(sim.httpUrl() + "/_sim/ui/events", "Last-Event-ID", "0:" + seenUpTo)) {
            // THEN it gets only what came after
            Event entries = feed.next("entries", WAIT);
            assertThat(entries.data()).startsWith("[{\"seq\":" + (seenUpTo + 1) + ",").contains("\"c\"").doesNotContain("\"b\"");
        }
    }

    @Test
    void should_answer_406_when_the_feed_is_asked_for_without_accepting_event_streams() {
        HttpResponse<String> plain = http.call("GET", "/_sim/ui/events");

        assertThat(plain.statusCode()).isEqualTo(406);
        assertThat(AdminJson.readMap(plain.body()).get("message").toString()).contains("EventSource", "text/event-stream");
    }

    @Test
    void should_end_the_feed_when_the_simulator_closes_while_a_page_follows_it() throws Exception {
        // GIVEN a page following the feed
        try (EventStreamReader feed = EventStreamReader.open(sim.httpUrl() + "/_sim/ui/events")) {
            feed.next("meta", WAIT);

            // WHEN the simulator closes
            sim.close();

            // THEN the stream ends (rather than the close waiting for the page)
            feed.awaitEnd(WAIT);
        }
    }

    @Test
    void should_serve_one_self_contained_file_with_the_journal_when_the_report_is_asked_for() {
        // GIVEN a room whose name would break out of a script element if it were not escaped
        new RoomApi(sim).createRoom("x</script><b>", null);

        // WHEN the report is asked for, with a title
        HttpResponse<String> report = http.call("GET", "/_sim/report?title=%3Cem%3Echeckout%3C%2Fem%3E");

        // THEN it is one HTML file: scripts, styles and the journal inline, the title escaped
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"dispatchsim-report.html\"");
        assertThat(report.body()).contains("<title>&lt;em&gt;checkout&lt;/em&gt;</title>")
                .doesNotContain("<script src=", "<link rel=\"stylesheet\"", "x</script>")
                .contains("x\\u003c/script>\\u003cb>", "\"mode\":\"report\"", "echarts");
    }
}
