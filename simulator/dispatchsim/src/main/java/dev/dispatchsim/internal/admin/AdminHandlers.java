package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.admin.ProfileInfo;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.journal.JournalEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One method per admin route: read the call, invoke {@link SimulatorAdmin}, shape the answer. */
final class AdminHandlers {

    /** {@code GET /_sim/journal/await} without {@code timeout}: long enough for a dispatch, short of most HTTP client timeouts. */
    static final Duration DEFAULT_AWAIT = Duration.ofSeconds(10);
    static final int DEFAULT_CLOSE_CODE = 1011;
    /** The oldest journal entry still held (older ones were evicted) and the newest, on every journal answer. */
    static final String OLDEST_SEQ_HEADER = "X-Journal-Oldest-Seq";
    static final String LAST_SEQ_HEADER = "X-Journal-Last-Seq";

    private final SimulatorAdmin admin;

    AdminHandlers(SimulatorAdmin admin) {
        this.admin = admin;
    }

    AdminResponse health(AdminCall call) {
        return AdminResponse.ok(admin.health());
    }

    AdminResponse state(AdminCall call) {
        return AdminResponse.ok(admin.state());
    }

    /** Headers say which entries the journal still holds, so a reader sees what eviction took. */
    AdminResponse journal(AdminCall call) {
        AdminResponse lines = AdminResponse.ndjson(AdminJson.journalLines(admin.journal(query(call))));
        return admin instanceof JournalAccess journal ? withSeqHeaders(lines, journal) : lines;
    }

    /** Served without holding a thread when the journal allows it (always, over a simulator in this JVM). */
    AdminResponse awaitJournal(AdminCall call) {
        if (call.query("timeout") != null && call.query("wait") != null) {
            throw AdminException.badRequest("give either timeout or wait, not both");
        }
        Duration timeout = call.queryDuration(call.query("wait") != null ? "wait" : "timeout", DEFAULT_AWAIT);
        JournalQuery query = query(call);
        if (admin instanceof JournalAccess journal) {
            return AdminResponse.deferred(journal.awaitJournalAsync(query, timeout).handle((entry, failure) -> {
                if (failure == null) {
                    return withSeqHeaders(entryResponse(entry), journal);
                }
                Throwable cause = failure.getCause() != null && !(failure instanceof AdminException) ? failure.getCause() : failure;
                return cause instanceof AdminException refused ? AdminResponse.error(refused)
                        : AdminResponse.error(new AdminException(500, "internal", "journal await failed: " + cause));
            }));
        }
        return entryResponse(admin.awaitJournal(query, timeout));
    }

    private static AdminResponse entryResponse(JournalEntry entry) {
        return new AdminResponse(200, AdminResponse.JSON, AdminJson.journalLine(entry), Map.of());
    }

    private static AdminResponse withSeqHeaders(AdminResponse response, JournalAccess journal) {
        return response.withHeader(OLDEST_SEQ_HEADER, String.valueOf(journal.oldestSeq()))
                .withHeader(LAST_SEQ_HEADER, String.valueOf(journal.lastSeq()));
    }

    /** The profile in force, and the names a {@code PUT ?bundled=} takes. */
    AdminResponse profile(AdminCall call) {
        Map<String, Object> json = profileJson(admin.profile());
        json.put("bundled", admin.bundledProfiles());
        return AdminResponse.ok(json);
    }

    /** A body (YAML or JSON), or {@code ?bundled=NAME} without one. */
    AdminResponse loadProfile(AdminCall call) {
        String bundled = call.query("bundled");
        if (bundled == null) {
            return AdminResponse.ok(profileJson(Optional.of(admin.loadProfile(call.body(), call.query("name")))));
        }
        if (!call.body().isBlank() || call.query("name") != null) {
            throw AdminException.badRequest("give either ?bundled=NAME or a profile in the body (with ?name=), not both");
        }
        return AdminResponse.ok(profileJson(Optional.of(admin.loadBundledProfile(bundled))));
    }

    AdminResponse clearProfile(AdminCall call) {
        admin.clearProfile();
        return AdminResponse.noContent();
    }

    AdminResponse reset(AdminCall call) {
        admin.reset();
        return AdminResponse.noContent();
    }

    /** {@code {"manual": true, "now": ...}}: only a manual clock can be advanced, so manual is always true here. */
    AdminResponse advanceClock(AdminCall call) {
        Instant now = admin.advanceClock(call.queryDuration("by", null));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("manual", true);
        json.put("now", now);
        return AdminResponse.ok(json);
    }

    AdminResponse addParticipant(AdminCall call) {
        SimParticipant participant = call.body().isBlank() ? SimParticipant.human()
                : AdminJson.readBody(call.body(), SimParticipant.class);
        return AdminResponse.ok(admin.addParticipant(call.path("room"), call.path("identity"), participant));
    }

    AdminResponse publishTrack(AdminCall call) {
        TrackRequest track = AdminJson.readBody(call.body().isBlank() ? "{}" : call.body(), TrackRequest.class);
        return AdminResponse.ok(admin.publishTrack(call.path("room"), call.path("identity"), track.name(), track.type(),
                track.source()));
    }

    AdminResponse removeParticipant(AdminCall call) {
        admin.removeParticipant(call.path("room"), call.path("identity"));
        return AdminResponse.noContent();
    }

    AdminResponse workers(AdminCall call) {
        return AdminResponse.ok(admin.workers());
    }

    AdminResponse killWorker(AdminCall call) {
        long code = call.queryLong("code", DEFAULT_CLOSE_CODE);
        if (code < Integer.MIN_VALUE || code > Integer.MAX_VALUE) {
            throw AdminException.badRequest("code: " + code + " is not a WebSocket close code; valid: " + CloseCodes.VALID);
        }
        admin.killWorker(call.path("id"), (int) code);
        return AdminResponse.noContent();
    }

    AdminResponse webhooks(AdminCall call) {
        return AdminResponse.ok(new WebhookUrls(admin.webhooks()));
    }

    /** Body {@code {"url": "http://..."}}. */
    AdminResponse addWebhook(AdminCall call) {
        WebhookUrl body = AdminJson.readBody(call.body().isBlank() ? "{}" : call.body(), WebhookUrl.class);
        return AdminResponse.ok(new WebhookUrls(admin.addWebhook(body.url())));
    }

    AdminResponse removeWebhook(AdminCall call) {
        String url = call.query("url");
        if (url == null || url.isBlank()) {
            throw AdminException.badRequest("query parameter 'url' is required: the webhook URL to remove, "
                    + "percent-encoded, e.g. url=http%3A%2F%2F127.0.0.1%3A8080%2Fhook");
        }
        return AdminResponse.ok(new WebhookUrls(admin.removeWebhook(url)));
    }

    private static JournalQuery query(AdminCall call) {
        return new JournalQuery(call.queryLong("since", 0), call.queryList("type"));
    }

    /** {@code {"loaded": false}} or {@code {"loaded": true, "name", "source", "seed", "text"}}. */
    static Map<String, Object> profileJson(Optional<ProfileInfo> profile) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("loaded", profile.isPresent());
        profile.ifPresent(p -> {
            json.put("name", p.name());
            json.put("source", p.source());
            json.put("seed", p.seed());
            json.put("text", p.text());
        });
        return json;
    }
}
