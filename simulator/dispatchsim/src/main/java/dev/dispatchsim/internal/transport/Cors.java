package dev.dispatchsim.internal.transport;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Set;

/**
 * CORS the way livekit-server configures rs/cors v1.11: every origin allowed (echoed back, since the
 * server uses an origin function rather than "*"), methods OPTIONS/HEAD/GET/POST/PATCH/DELETE, every
 * request header allowed, every response header exposed, preflight cached for a day. A preflight is
 * answered 204 before auth or routing; any other request just gets the headers added.
 */
final class Cors {

    static final String MAX_AGE = "86400";
    private static final Set<String> METHODS = Set.of("OPTIONS", "HEAD", "GET", "POST", "PATCH", "DELETE");
    private static final String PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    private Cors() {
    }

    /** {@code admin} answers for {@code /_sim/} instead: never by echo. */
    static void mount(RoutesConfig routes, AdminCors admin) {
        routes.before(ctx -> {
            if (AdminCors.isAdminPath(ctx)) {
                admin.apply(ctx);
            } else {
                apply(ctx);
            }
        });
    }

    private static void apply(Context ctx) {
        if (isPreflight(ctx)) {
            preflight(ctx);
            ctx.status(204);
            ExactContentType.none(ctx);
            ctx.skipRemainingHandlers();
        } else {
            actual(ctx);
        }
    }

    static boolean isPreflight(Context ctx) {
        String requested = ctx.header("Access-Control-Request-Method");
        return "OPTIONS".equals(ctx.method().name()) && requested != null && !requested.isEmpty();
    }

    private static void preflight(Context ctx) {
        ctx.header("Vary", PREFLIGHT_VARY);
        String origin = ctx.header("Origin");
        String method = ctx.header("Access-Control-Request-Method");
        if (origin == null || origin.isEmpty() || !allowed(method)) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Methods", method);
        String headers = ctx.header("Access-Control-Request-Headers");
        if (headers != null && !headers.isEmpty()) {
            ctx.header("Access-Control-Allow-Headers", headers);
        }
        ctx.header("Access-Control-Max-Age", MAX_AGE);
    }

    private static void actual(Context ctx) {
        ctx.header("Vary", "Origin");
        String origin = ctx.header("Origin");
        if (origin == null || origin.isEmpty() || !allowed(ctx.method().name())) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Expose-Headers", "*");
    }

    /** Case-sensitive, as rs/cors compares; OPTIONS is always allowed. */
    private static boolean allowed(String method) {
        return METHODS.contains(method);
    }
}
