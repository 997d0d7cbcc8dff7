package dev.dispatchsim.internal.admin;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One admin HTTP request, free of any HTTP server's types: method, raw (still percent-encoded) path,
 * query parameters, headers (looked up case-insensitively), body text, and the caller's IP address
 * (null when not over a socket).
 */
public record AdminRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                           String body, String remoteAddress) {

    public AdminRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                        String body) {
        this(method, path, query, headers, body, null);
    }

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

    /** Whether the call came from this machine (or from this JVM, without a socket). */
    public boolean fromLoopback() {
        if (remoteAddress == null) {
            return true;
        }
        try {
            return java.net.InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (java.net.UnknownHostException notAnAddress) {
            return false;
        }
    }

    public String header(String name) {
        return headers.get(name);
    }
}
