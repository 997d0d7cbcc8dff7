package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request that changes the simulator (POST, PUT, PATCH, DELETE) must say its body is JSON or YAML,
 * even when it has no body. A web page can make a browser send a cross-origin POST without asking first
 * only with no type or a form or text type (a CORS "simple" request); requiring one of these types makes
 * every such request need a preflight, which {@code /_sim/} grants only to origins configured for it. So
 * a page the developer happens to open cannot reset the simulator or swap its profile on the
 * developer's open loopback admin API.
 */
final class ChangeContentTypes {

    static final List<String> ACCEPTED = List.of("application/json", "application/yaml", "application/x-yaml",
            "text/yaml", "text/x-yaml");

    private ChangeContentTypes() {
    }

    static boolean changes(String method) {
        return !method.equalsIgnoreCase("GET") && !method.equalsIgnoreCase("HEAD") && !method.equalsIgnoreCase("OPTIONS");
    }

    static void check(AdminRequest request) {
        if (!changes(request.method())) {
            return;
        }
        String type = request.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!ACCEPTED.contains(media)) {
            throw new AdminException(415, "unsupported_media_type", request.method() + " " + request.path()
                    + " changes the simulator, so it needs 'Content-Type: application/json' (or a YAML type), even"
                    + " without a body; got " + (type == null ? "no Content-Type" : "'" + type + "'")
                    + "; accepted: " + String.join(", ", ACCEPTED),
                    Map.of("contentType", type == null ? "" : type, "accepted", ACCEPTED));
        }
    }
}
