package dev.dispatchsim.internal.admin;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One admin HTTP request, free of any HTTP server's types: method, raw (still percent-encoded) path,
 * query parameters, headers (looked up case-insensitively) and body text.
 */
public record AdminRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                           String body) {

    public AdminRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            caseInsensitive.putAll(headers);
        }
        headers = caseInsensitive;
        body = body == null ? "" : body;
    }

    public static AdminRequest of(String method, String path) {
        return new AdminRequest(method, path, Map.of(), Map.of(), "");
    }

    public String header(String name) {
        return headers.get(name);
    }
}
