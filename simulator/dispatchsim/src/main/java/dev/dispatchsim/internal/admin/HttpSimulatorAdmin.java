package dev.dispatchsim.internal.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.Health;
import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.admin.ProfileInfo;
import dev.dispatchsim.admin.RuleStatus;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.admin.TokenRequest;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.SimulatorState;
import dev.dispatchsim.model.Track;
import dev.dispatchsim.model.Worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SimulatorAdmin} over the admin HTTP API, for a simulator in another process or container.
 * Error answers come back as the same {@link AdminException} the in-process implementation throws.
 */
public final class HttpSimulatorAdmin implements SimulatorAdmin {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    public HttpSimulatorAdmin(URI baseUrl, String adminToken) {
        String text = baseUrl.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = adminToken;
    }

    @Override
    public Health health() {
        return AdminJson.read(send("GET", "health", "", null, CALL_TIMEOUT), Health.class);
    }

    @Override
    public SimulatorState state() {
        return AdminJson.read(send("GET", "state", "", null, CALL_TIMEOUT), SimulatorState.class);
    }

    @Override
    public List<JournalEntry> journal(JournalQuery query) {
        String lines = send("GET", "journal" + journalParams(query), "", null, CALL_TIMEOUT);
        return lines.lines().filter(l -> !l.isBlank()).map(AdminJson::readJournalLine).toList();
    }

    @Override
    public JournalEntry awaitJournal(JournalQuery query, Duration timeout) {
        String path = "journal/await" + journalParams(query) + "&timeout=" + timeout.toMillis() + "ms";
        return AdminJson.readJournalLine(send("GET", path, "", null, timeout.plus(CALL_TIMEOUT)));
    }

    @Override
    public Optional<ProfileInfo> profile() {
        return profileOf(AdminJson.readMap(send("GET", "profile", "", null, CALL_TIMEOUT)));
    }

    @Override
    public ProfileInfo loadProfile(String text, String sourceName) {
        String path = "profile" + (sourceName == null ? "" : "?name=" + encode(sourceName));
        return profileOf(AdminJson.readMap(send("PUT", path, text, "application/yaml", CALL_TIMEOUT))).orElseThrow();
    }

    @Override
    public void clearProfile() {
        send("DELETE", "profile", "", null, CALL_TIMEOUT);
    }

    @Override
    public ProfileInfo loadBundledProfile(String name) {
        return profileOf(AdminJson.readMap(send("PUT", "profile?bundled=" + encode(name), "", null, CALL_TIMEOUT)))
                .orElseThrow();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> bundledProfiles() {
        return (List<String>) AdminJson.readMap(send("GET", "profile", "", null, CALL_TIMEOUT)).get("bundled");
    }

    @Override
    public List<RuleStatus> rules() {
        return AdminJson.read(send("GET", "profile/rules", "", null, CALL_TIMEOUT), new TypeReference<List<RuleStatus>>() { });
    }

    @Override
    public RuleStatus addRule(String ruleText) {
        return AdminJson.read(send("POST", "profile/rules", ruleText, "application/yaml", CALL_TIMEOUT), RuleStatus.class);
    }

    @Override
    public void removeRule(String name) {
        send("DELETE", "profile/rules/" + encode(name), "", null, CALL_TIMEOUT);
    }

    @Override
    public RuleStatus setRuleEnabled(String name, boolean enabled) {
        return AdminJson.read(send("PATCH", "profile/rules/" + encode(name), "{\"enabled\": " + enabled + "}",
                AdminResponse.JSON, CALL_TIMEOUT), RuleStatus.class);
    }

    @Override
    public void setScenarioState(String state) {
        send("PUT", "state/scenario", AdminJson.write(java.util.Collections.singletonMap("state", state)),
                AdminResponse.JSON, CALL_TIMEOUT);
    }

    @Override
    public List<TwirpCall> twirpCalls(String method, String room) {
        String query = (method == null || method.isEmpty() ? "" : "&method=" + encode(method))
                + (room == null || room.isEmpty() ? "" : "&room=" + encode(room));
        return AdminJson.read(send("GET", "twirp-calls" + query.replaceFirst("^&", "?"), "", null, CALL_TIMEOUT),
                new TypeReference<List<TwirpCall>>() { });
    }

    @Override
    public String mintToken(TokenRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("room", request.room());
        body.put("grants", request.grants());
        body.put("identity", request.identity());
        body.put("ttl", request.ttl() == null ? null : request.ttl().toString());
        return String.valueOf(AdminJson.readMap(send("POST", "token", AdminJson.write(body), AdminResponse.JSON,
                CALL_TIMEOUT)).get("token"));
    }

    @Override
    public void reset() {
        send("POST", "reset", "", null, CALL_TIMEOUT);
    }

    @Override
    public Instant advanceClock(Duration by) {
        // ISO-8601 keeps nanosecond precision; the server accepts it beside 10s/250ms
        Map<String, Object> json = AdminJson.readMap(send("POST", "clock/advance?by=" + by, "", null, CALL_TIMEOUT));
        return Instant.parse(String.valueOf(json.get("now")));
    }

    @Override
    public Participant addParticipant(String room, String identity, SimParticipant participant) {
        String body = participant == null ? "" : AdminJson.write(participant);
        return AdminJson.read(send("POST", participantPath(room, identity), body, AdminResponse.JSON, CALL_TIMEOUT),
                Participant.class);
    }

    @Override
    public Track publishTrack(String room, String identity, String trackName, String type, String source) {
        String body = AdminJson.write(Map.of("name", trackName, "type", type, "source", source));
        return AdminJson.read(send("POST", participantPath(room, identity) + "/tracks", body, AdminResponse.JSON,
                CALL_TIMEOUT), Track.class);
    }

    @Override
    public void removeParticipant(String room, String identity) {
        send("DELETE", participantPath(room, identity), "", null, CALL_TIMEOUT);
    }

    @Override
    public List<Worker> workers() {
        return AdminJson.read(send("GET", "workers", "", null, CALL_TIMEOUT), new TypeReference<List<Worker>>() { });
    }

    @Override
    public void killWorker(String workerId, int closeCode) {
        send("DELETE", "workers/" + encode(workerId) + "?code=" + closeCode, "", null, CALL_TIMEOUT);
    }

    @Override
    public List<String> webhooks() {
        return urls(send("GET", "webhooks", "", null, CALL_TIMEOUT));
    }

    @Override
    public List<String> addWebhook(String url) {
        String body = AdminJson.write(Map.of("url", url == null ? "" : url));
        return urls(send("POST", "webhooks", body, AdminResponse.JSON, CALL_TIMEOUT));
    }

    @Override
    public List<String> removeWebhook(String url) {
        return urls(send("DELETE", "webhooks?url=" + encode(url == null ? "" : url), "", null, CALL_TIMEOUT));
    }

    /** {@code {"urls": [...]}}, the answer of every webhook route. */
    private static List<String> urls(String json) {
        return AdminJson.read(json, WebhookUrls.class).urls();
    }

    private String send(String method, String pathAndQuery, String body, String contentType, Duration timeout) {
        URI uri = URI.create(base + AdminApi.PREFIX + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        } else if (ChangeContentTypes.changes(method)) {
            // the server refuses a change without a JSON or YAML type (it would be a CORS "simple" request)
            request.header("Content-Type", AdminResponse.JSON);
        }
        if (token != null) {
            request.header(AdminAuth.HEADER, token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException unreachable) {
            throw new UncheckedIOException("dispatchsim admin API " + method + " " + uri + " failed: " + unreachable, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + uri, interrupted);
        }
        if (response.statusCode() / 100 != 2) {
            throw failure(response);
        }
        return response.body();
    }

    private static AdminException failure(HttpResponse<String> response) {
        Map<String, Object> json;
        try {
            json = new LinkedHashMap<>(AdminJson.readMap(response.body()));
        } catch (IllegalArgumentException notJson) {
            return new AdminException(response.statusCode(), "http_" + response.statusCode(),
                    "unexpected answer from " + response.uri() + ": " + response.body());
        }
        String error = String.valueOf(json.remove("error"));
        String message = String.valueOf(json.remove("message"));
        return new AdminException(response.statusCode(), error, message, json);
    }

    private static Optional<ProfileInfo> profileOf(Map<String, Object> json) {
        if (!Boolean.TRUE.equals(json.get("loaded"))) {
            return Optional.empty();
        }
        Object seed = json.get("seed");
        return Optional.of(new ProfileInfo((String) json.get("name"), (String) json.get("source"),
                seed == null ? null : ((Number) seed).longValue(), (String) json.get("text")));
    }

    private static String journalParams(JournalQuery query) {
        return "?since=" + query.since() + (query.types().isEmpty() ? "" : "&type=" + encode(String.join(",", query.types())));
    }

    private static String participantPath(String room, String identity) {
        return "rooms/" + encode(room) + "/participants/" + encode(identity);
    }

    /** Percent-encodes one path segment or query value (a space is %20, never '+'). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "HttpSimulatorAdmin[" + base + "]";
    }
}
