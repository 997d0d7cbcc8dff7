package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The timeline UI's login step. A browser cannot send the admin token as a header on a page load, so the
 * page takes it once, by {@code GET /_sim/ui?token=T} (a link) or {@code POST /_sim/ui/login} (the login
 * form), answers with a session cookie and redirects to {@code /_sim/ui}: the token leaves the address bar
 * and the history at once, and is never written back in a page, a header or a message. Without the token,
 * the page answers 401 with the login form instead of JSON.
 */
final class AdminLogin {

    static final String PAGE = "ui";
    static final String LOGIN = "ui/login";
    private static final String TEMPLATE = "dispatchsim/ui/login.html";

    private final AdminAuth auth;

    AdminLogin(AdminAuth auth) {
        this.auth = auth;
    }

    /** The answer when {@code request} is a login step, else null (the request goes on to the token check). */
    AdminResponse handle(AdminRequest request, List<String> segments) {
        String path = String.join("/", segments);
        if (path.equals(PAGE) && request.method().equalsIgnoreCase("GET") && request.query().containsKey("token")) {
            List<String> given = request.query().get("token");
            return login(given.isEmpty() ? null : given.get(0));
        }
        if (path.equals(LOGIN) && request.method().equalsIgnoreCase("POST")) {
            return login(formField(request.body(), "token"));
        }
        return null;
    }

    /** The login form for a page load that lacked the token, else null (the JSON 401 stands). */
    AdminResponse denied(AdminRequest request, List<String> segments) {
        if (String.join("/", segments).equals(PAGE) && request.method().equalsIgnoreCase("GET")) {
            return page(401, "This simulator's admin pages need its admin token.");
        }
        return null;
    }

    private AdminResponse login(String token) {
        if (!auth.enabled()) {
            return redirect();
        }
        if (token == null || token.isBlank() || !auth.matches(token)) {
            // the wrong token is not repeated back: it may be a real secret pasted into the wrong simulator
            return page(401, "That token does not match this simulator's admin token.");
        }
        return redirect().withHeader("Set-Cookie", auth.sessionCookie());
    }

    private static AdminResponse redirect() {
        return new AdminResponse(303, null, "", Map.of("Location", AdminApi.PREFIX + PAGE, "Cache-Control", "no-store",
                "Referrer-Policy", "no-referrer"));
    }

    private static AdminResponse page(int status, String message) {
        return AdminResponse.html(status, template().replace("{{message}}", message))
                .withHeader("WWW-Authenticate", "Bearer realm=\"dispatchsim admin\"")
                .withHeader("Cache-Control", "no-store");
    }

    /** {@code application/x-www-form-urlencoded}: the login form's own encoding. */
    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue.length == 2 && decode(nameValue[0]).equals(name)) {
                return decode(nameValue[1]);
            }
        }
        return null;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return "";
        }
    }

    private static String template() {
        try (InputStream in = AdminLogin.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the simulator jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
