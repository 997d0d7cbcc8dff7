package dev.dispatchsim.tests.standalone;

import dev.dispatchsim.tests.support.RawAdminHttp;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline UI of the relocated jar, run as the image runs it: the login link never leaves the token in a
 * log, even at debug level, and the jar's {@code report} command turns the journal export into a report.
 */
@Timeout(120)
class TimelineUiJarIT {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOKEN = "jar-ui-token-2718";
    private static final String WRONG = "jar-ui-guess-3141";

    private final List<ServerProcess> processes = new ArrayList<>();

    @AfterEach
    void killAll() {
        processes.forEach(ServerProcess::close);
    }

    @Test
    void should_keep_the_token_out_of_the_logs_and_write_a_report_from_the_export_when_the_ui_is_used(@TempDir Path dir)
            throws Exception {
        // GIVEN the jar with an admin token, logging everything it logs at debug level
        int port = ServerProcess.freePort();
        ServerProcess server = track(ServerProcess.start("timeline-ui", List.of(Path.of(System.getProperty("java.home"),
                "bin", "java").toString(), "-jar", ServerProcess.JAR.toString()), Map.of("DISPATCHSIM_PORT",
                String.valueOf(port), "DISPATCHSIM_ADMIN_TOKEN", TOKEN, "DISPATCHSIM_LOG_LEVEL", "debug")));
        server.awaitHealthy(TOKEN, STARTUP);
        String url = "http://127.0.0.1:" + port;
        RawAdminHttp http = new RawAdminHttp(url);
        HttpResponse<String> created = new TwirpHttp(url, "devkey", "secret").json("livekit.RoomService/CreateRoom",
                "{\"name\":\"jar-room\"}", TwirpHttp.roomCreate());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        // WHEN a browser's link carries a wrong token, then the right one, and the page is loaded with the cookie
        assertThat(http.call("GET", "/_sim/ui?token=" + WRONG).statusCode()).isEqualTo(401);
        HttpResponse<String> login = http.call("GET", "/_sim/ui?token=" + TOKEN);
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(http.withHeaders("GET", "/_sim/ui", "Cookie", cookie).body()).contains("/_sim/ui/assets/app.js");
        assertThat(http.withHeaders("GET", "/_sim/ui/assets/echarts.min.js", "Cookie", cookie).statusCode())
                .as("ECharts is in the relocated jar").isEqualTo(200);
        String export = http.withHeaders("GET", "/_sim/journal", "X-Admin-Token", TOKEN).body();

        // THEN neither token appears in anything the server wrote
        assertThat(server.terminate(WAIT)).isIn(0, 143);
        assertThat(server.output()).contains("timeline at " + url + "/_sim/ui").doesNotContain(TOKEN).doesNotContain(WRONG);

        // AND the jar's report command makes the export a report
        Path journal = Files.writeString(dir.resolve("export.jsonl"), export);
        ServerProcess report = track(ServerProcess.start("report-command", List.of(Path.of(System.getProperty("java.home"),
                "bin", "java").toString(), "-jar", ServerProcess.JAR.toString(), "report", journal.toString()), Map.of()));
        assertThat(report.awaitExit(WAIT)).as(report.output()).isZero();
        assertThat(Files.readString(dir.resolve("export.html"))).contains("jar-room", "\"mode\":\"report\"", "echarts");
    }

    private ServerProcess track(ServerProcess process) {
        processes.add(process);
        return process;
    }
}
