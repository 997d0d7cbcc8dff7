package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One admin HTTP response: status, content type (null for 204), body and extra headers; or, when
 * {@code later} is set, the response to write once that future completes (a long poll), while no
 * thread waits for it; or, when {@code stream} is set, a stream of server-sent events that the transport
 * runs instead of writing a body.
 */
public record AdminResponse(int status, String contentType, String body, Map<String, String> headers,
                            CompletableFuture<AdminResponse> later, EventStream stream) {

    public static final String JSON = "application/json";
    /** JSON Lines: one JSON object per line. */
    public static final String NDJSON = "application/x-ndjson";
    public static final String HTML = "text/html; charset=utf-8";

    public AdminResponse {
        body = body == null ? "" : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public AdminResponse(int status, String contentType, String body, Map<String, String> headers) {
        this(status, contentType, body, headers, null, null);
    }

    public static AdminResponse html(int status, String page) {
        return new AdminResponse(status, HTML, page, Map.of());
    }

    /** A stream of server-sent events (the transport sets its content type). */
    public static AdminResponse events(EventStream stream) {
        return new AdminResponse(200, null, "", Map.of(), null, stream);
    }

    /** An answer that comes later; the transport writes it when the future completes. */
    static AdminResponse deferred(CompletableFuture<AdminResponse> later) {
        return new AdminResponse(200, null, "", Map.of(), later, null);
    }

    static AdminResponse json(int status, Object value) {
        return new AdminResponse(status, JSON, AdminJson.write(value), Map.of());
    }

    public static AdminResponse ok(Object value) {
        return json(200, value);
    }

    static AdminResponse ndjson(String lines) {
        return new AdminResponse(200, NDJSON, lines, Map.of());
    }

    static AdminResponse noContent() {
        return new AdminResponse(204, null, "", Map.of());
    }

    public static AdminResponse error(AdminException failure) {
        return json(failure.status(), failure.toJson());
    }

    public AdminResponse withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new AdminResponse(status, contentType, body, more, later, stream);
    }
}
