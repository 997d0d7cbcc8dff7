package dev.dispatchsim.internal.ui;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.internal.admin.AdminCall;
import dev.dispatchsim.internal.admin.AdminJson;
import dev.dispatchsim.internal.admin.AdminResponse;
import dev.dispatchsim.internal.admin.AdminRoute;
import dev.dispatchsim.internal.engine.JournalRing;
import dev.dispatchsim.profile.Profile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The timeline UI's admin routes, served like every other {@code /_sim/} route (same admin token):
 * {@code GET /_sim/ui} the live page, {@code GET /_sim/ui/assets/{name}} its files, {@code GET /_sim/ui/events}
 * its feed, and {@code GET /_sim/report} the same picture as one self-contained HTML file.
 */
public final class TimelineUi implements AutoCloseable {

    /** A comment this often shows whether a quiet page is still there, and keeps proxies from closing the stream. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final SimulatorAdmin admin;
    private final JournalRing journal;
    private final Supplier<Profile> profile;
    private final UiStreams streams = new UiStreams();

    public TimelineUi(SimulatorAdmin admin, JournalRing journal, Supplier<Profile> profile) {
        this.admin = admin;
        this.journal = journal;
        this.profile = profile;
    }

    public List<AdminRoute> routes() {
        return List.of(
                new AdminRoute("GET", "ui", Set.of(), call -> page(UiPages.live()).withHeader("Content-Security-Policy",
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:")),
                new AdminRoute("GET", "ui/assets/{name}", Set.of(), this::asset),
                new AdminRoute("GET", "ui/events", Set.of("since"), this::events),
                new AdminRoute("GET", "report", Set.of("title"), this::report));
    }

    private AdminResponse asset(AdminCall call) {
        String resource = UiAssets.resourceFor(call.path("name")).orElseThrow(() -> new AdminException(404, "not_found",
                "no UI asset '" + call.path("name") + "'; assets: " + UiAssets.SERVED.keySet().stream().sorted().toList()));
        return new AdminResponse(200, UiAssets.contentType(resource), UiAssets.text(resource),
                Map.of("Cache-Control", "no-cache"));
    }

    private AdminResponse events(AdminCall call) {
        String accept = call.request().header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new AdminException(406, "not_acceptable", "GET /_sim/ui/events is a stream of server-sent events: "
                    + "open it with an EventSource, or send 'Accept: text/event-stream'");
        }
        String lastEventId = call.request().header("Last-Event-ID");
        String resume = lastEventId != null ? lastEventId : call.query("since");
        return AdminResponse.events(new JournalFeed(journal, this::metaJson, streams, HEARTBEAT, resume));
    }

    private AdminResponse report(AdminCall call) {
        String title = call.query("title") == null ? "dispatchsim report" : call.query("title");
        ReportData data = ReportData.snapshot(admin, profile.get(), title, "", "admin");
        return page(UiPages.report(data))
                .withHeader("Content-Disposition", "inline; filename=\"dispatchsim-report.html\"");
    }

    private String metaJson() {
        return AdminJson.write(ReportData.meta(admin.health(), profile.get(), "dispatchsim timeline", "live"));
    }

    private static AdminResponse page(String html) {
        return AdminResponse.html(200, html).withHeader("Cache-Control", "no-store").withHeader("Referrer-Policy", "no-referrer");
    }

    @Override
    public void close() {
        streams.close();
    }
}
