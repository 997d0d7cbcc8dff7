package dev.dispatchsim.internal.transport;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.internal.admin.AdminApi;
import dev.dispatchsim.internal.admin.AdminJson;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CORS for the admin API under {@code /_sim/}: only origins configured explicitly
 * ({@code --admin-cors-origin}, {@code SimulatorBuilder.adminCorsOrigins}) get CORS headers, compared
 * exactly, and none is ever echoed back. Otherwise any web page the developer opens could read the
 * simulator's state or, after a preflight, reset it. A preflight from any other origin is refused (403)
 * with how to allow it; other requests from such an origin get no CORS headers, so the browser keeps their
 * answers from the page. (The LiveKit APIs keep the real server's CORS: {@link Cors}.)
 */
final class AdminCors {

    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final String HEADERS = "Authorization, X-Admin-Token, Content-Type";
    private static final String EXPOSED = "X-Journal-Oldest-Seq, X-Journal-Last-Seq, WWW-Authenticate, Allow";
    private static final String MAX_AGE = "600";

    private final Set<String> origins;

    AdminCors(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    static boolean isAdminPath(Context ctx) {
        String path = ctx.path();
        return path.startsWith(AdminApi.PREFIX) || path.equals(AdminApi.PREFIX.substring(0, AdminApi.PREFIX.length() - 1));
    }

    void apply(Context ctx) {
        String origin = ctx.header("Origin");
        boolean allowed = origin != null && origins.contains(origin);
        if (Cors.isPreflight(ctx)) {
            ctx.header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
            if (allowed) {
                ctx.header("Access-Control-Allow-Origin", origin);
                ctx.header("Access-Control-Allow-Methods", METHODS);
                ctx.header("Access-Control-Allow-Headers", HEADERS);
                ctx.header("Access-Control-Max-Age", MAX_AGE);
                ctx.status(204);
                ExactContentType.none(ctx);
            } else {
                AdminException refused = new AdminException(403, "cors_origin_not_allowed", "origin '" + origin
                        + "' may not call the admin API from a browser; allow it explicitly with --admin-cors-origin "
                        + origin + " (DISPATCHSIM_ADMIN_CORS_ORIGIN, SimulatorBuilder.adminCorsOrigins); allowed now: "
                        + (origins.isEmpty() ? "none" : String.join(", ", origins.stream().sorted().toList())),
                        Map.of("origin", origin == null ? "" : origin));
                ctx.status(403).contentType("application/json").result(AdminJson.write(refused.toJson()));
            }
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.header("Vary", "Origin");
        if (allowed) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", EXPOSED);
        }
    }
}
