package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.SimulatorAdmin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The admin HTTP API under {@code /_sim/}, as a pure function from {@link AdminRequest} to
 * {@link AdminResponse} over a {@link SimulatorAdmin}: no HTTP server type appears here, so every
 * route is testable without a socket, and {@code transport.AdminRoutes} only copies bytes.
 * Order of checks: the UI's login step ({@link AdminLogin}), admin token (401, every route but health), route
 * (404, or 405 with {@code Allow}), content type of a change (415), query parameters (400), handler. Every
 * {@code /_sim/} request goes through {@link #handle}, so a route added here, or from outside this package
 * ({@link AdminRoute}, the timeline UI's), gets the same checks.
 */
public final class AdminApi {

    public static final String PREFIX = "/_sim/";

    private final AdminAuth auth;
    private final AdminLogin login;
    private final List<Route> routes;

    record Route(String method, List<String> pattern, Set<String> params, Function<AdminCall, AdminResponse> handler) {

        String describe() {
            return method + " " + PREFIX + String.join("/", pattern);
        }

        Map<String, String> match(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String part = pattern.get(i);
                if (part.startsWith("{")) {
                    values.put(part.substring(1, part.length() - 1), segments.get(i));
                } else if (!part.equals(segments.get(i))) {
                    return null;
                }
            }
            return values;
        }
    }

    public AdminApi(SimulatorAdmin admin, String adminToken) {
        this(admin, adminToken, List.of());
    }

    public AdminApi(SimulatorAdmin admin, String adminToken, List<AdminRoute> extraRoutes) {
        this.auth = new AdminAuth(adminToken);
        this.login = new AdminLogin(auth);
        AdminHandlers h = new AdminHandlers(admin);
        RuleHandlers r = new RuleHandlers(admin);
        List<Route> all = new ArrayList<>(List.of(
                route("GET", "health", Set.of(), h::health),
                route("GET", "state", Set.of(), h::state),
                route("GET", "journal", Set.of("since", "type"), h::journal),
                route("GET", "journal/await", Set.of("since", "type", "timeout", "wait"), h::awaitJournal),
                route("GET", "profile", Set.of(), h::profile),
                route("PUT", "profile", Set.of("name", "bundled"), h::loadProfile),
                route("DELETE", "profile", Set.of(), h::clearProfile),
                route("GET", "profile/rules", Set.of(), r::rules),
                route("POST", "profile/rules", Set.of(), r::addRule),
                route("DELETE", "profile/rules/{name}", Set.of(), r::removeRule),
                route("PATCH", "profile/rules/{name}", Set.of(), r::patchRule),
                route("PUT", "state/scenario", Set.of(), r::setScenarioState),
                route("GET", "twirp-calls", Set.of("method", "room"), r::twirpCalls),
                route("POST", "token", Set.of(), r::token),
                route("POST", "reset", Set.of(), h::reset),
                route("POST", "clock/advance", Set.of("by"), h::advanceClock),
                route("POST", "rooms/{room}/participants/{identity}", Set.of(), h::addParticipant),
                route("DELETE", "rooms/{room}/participants/{identity}", Set.of(), h::removeParticipant),
                route("POST", "rooms/{room}/participants/{identity}/tracks", Set.of(), h::publishTrack),
                route("GET", "workers", Set.of(), h::workers),
                route("DELETE", "workers/{id}", Set.of("code"), h::killWorker),
                route("GET", "webhooks", Set.of(), h::webhooks),
                route("POST", "webhooks", Set.of(), h::addWebhook),
                route("DELETE", "webhooks", Set.of("url"), h::removeWebhook)));
        extraRoutes.forEach(extra -> all.add(route(extra.method(), extra.pattern(), extra.params(), extra.handler())));
        this.routes = List.copyOf(all);
    }

    /** Every route, e.g. {@code GET /_sim/health}, for documentation and 404 messages. */
    public List<String> describeRoutes() {
        return routes.stream().map(Route::describe).toList();
    }

    public AdminResponse handle(AdminRequest request) {
        List<String> readable = readableSegments(request.path());
        AdminResponse loggedIn = login.handle(request, readable);
        if (loggedIn != null) {
            return loggedIn;
        }
        AdminException denied = auth.check(request);
        if (denied != null) {
            AdminResponse form = login.denied(request, readable);
            return form != null ? form : AdminResponse.error(denied)
                    .withHeader("WWW-Authenticate", "Bearer realm=\"dispatchsim admin\"");
        }
        try {
            List<String> segments = segments(request.path());
            List<String> allowed = new ArrayList<>();
            for (Route route : routes) {
                Map<String, String> pathParams = route.match(segments);
                if (pathParams == null) {
                    continue;
                }
                if (route.method().equalsIgnoreCase(request.method())) {
                    ChangeContentTypes.check(request);
                    checkParams(route, request);
                    return route.handler().apply(new AdminCall(request, pathParams));
                }
                allowed.add(route.method());
            }
            if (!allowed.isEmpty()) {
                return AdminResponse.error(new AdminException(405, "method_not_allowed", request.method() + " "
                        + request.path() + " is not supported; allowed: " + String.join(", ", allowed)))
                        .withHeader("Allow", String.join(", ", allowed));
            }
            throw new AdminException(404, "bad_route", "no admin route " + request.method() + " " + request.path()
                    + "; routes: " + String.join(", ", describeRoutes()));
        } catch (AdminException failure) {
            return AdminResponse.error(failure);
        } catch (RuntimeException bug) {
            // a bug must still answer in the API's own shape, saying what failed, not with a server error page
            return AdminResponse.error(new AdminException(500, "internal", request.method() + " " + request.path()
                    + " failed: " + bug));
        }
    }

    private static Route route(String method, String pattern, Set<String> params, Function<AdminCall, AdminResponse> handler) {
        return new Route(method, List.of(pattern.split("/")), params, handler);
    }

    private static void checkParams(Route route, AdminRequest request) {
        for (String name : request.query().keySet()) {
            if (!route.params().contains(name)) {
                String valid = route.params().isEmpty() ? "none" : String.join(", ", new TreeSet<>(route.params()));
                throw AdminException.badRequest("unknown query parameter '" + name + "' for " + route.describe()
                        + "; valid: " + valid);
            }
        }
    }

    /** The segments, or none when the path is not valid percent-encoding (that 400 comes after the token check). */
    private static List<String> readableSegments(String path) {
        try {
            return segments(path);
        } catch (AdminException badEscape) {
            return List.of();
        }
    }

    /** The decoded path segments after {@code /_sim/}; empty segments (double or trailing slashes) are dropped. */
    private static List<String> segments(String path) {
        String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path.replaceFirst("^/?_sim/?", "");
        try {
            // '+' is a literal plus in a path, not a space
            return Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty())
                    .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
        } catch (IllegalArgumentException badEscape) {
            throw AdminException.badRequest("the path " + path + " is not valid percent-encoding: " + badEscape.getMessage());
        }
    }
}
