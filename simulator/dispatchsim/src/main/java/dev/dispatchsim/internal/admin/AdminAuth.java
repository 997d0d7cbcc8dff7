package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The admin token: when set (given, or generated because the simulator listens beyond loopback), every
 * {@code /_sim/} call but {@code GET /_sim/health} must carry it as
 * {@code Authorization: Bearer <token>} or {@code X-Admin-Token: <token>}. The LiveKit APIs keep
 * their own JWT auth; this only guards the simulator's back door.
 *
 * <p>A browser cannot put a header on a page load, so the timeline UI's login step ({@link AdminLogin})
 * sets a session cookie instead. The cookie holds an HMAC of the token, never the token, and is accepted
 * for reading only (GET and HEAD): a page on another port of the same host can make the browser send it,
 * and must not be able to reset the simulator or swap its profile with it.
 */
final class AdminAuth {

    static final String HEADER = "X-Admin-Token";
    static final String COOKIE = "dispatchsim_admin";
    private static final String HOW = "send 'Authorization: Bearer <token>' or '" + HEADER + ": <token>' "
            + "(the token is set with --admin-token or DISPATCHSIM_ADMIN_TOKEN)";

    private final byte[] token;
    private final byte[] session;

    AdminAuth(String token) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.session = this.token == null ? null : sessionOf(this.token).getBytes(StandardCharsets.UTF_8);
    }

    boolean enabled() {
        return token != null;
    }

    /** Null when the request may proceed, otherwise the 401 to answer with. */
    AdminException check(AdminRequest request) {
        if (token == null || isHealth(request)) {
            return null;
        }
        String presented = presented(request);
        if (presented == null) {
            if (reading(request) && matchesSession(cookie(request))) {
                return null;
            }
            return new AdminException(401, "unauthenticated", "this simulator's admin API requires its admin token: " + HOW
                    + (reading(request) ? "" : "; the UI's session cookie only allows reading (GET)"));
        }
        if (!matches(presented)) {
            return new AdminException(401, "unauthenticated", "the admin token does not match; " + HOW);
        }
        return null;
    }

    /** Constant-time, so the comparison does not leak how much of a guess was right; true when no token is set. */
    boolean matches(String presented) {
        return token == null || presented != null
                && MessageDigest.isEqual(token, presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Set-Cookie} value of a UI session: HttpOnly, same-site only, scoped to {@code /_sim/}. */
    String sessionCookie() {
        return COOKIE + "=" + new String(session, StandardCharsets.UTF_8) + "; Path=" + AdminApi.PREFIX
                + "; HttpOnly; SameSite=Strict";
    }

    private boolean matchesSession(String presented) {
        return presented != null && MessageDigest.isEqual(session, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean reading(AdminRequest request) {
        return request.method().equalsIgnoreCase("GET") || request.method().equalsIgnoreCase("HEAD");
    }

    /**
     * {@code GET /_sim/health} is open, so that a container's health check or a load balancer needs no
     * secret; it tells only that the simulator is up, its seed, clock and last sequence number.
     */
    private static boolean isHealth(AdminRequest request) {
        String path = request.path().replaceAll("/+$", "");
        return reading(request) && path.equals(AdminApi.PREFIX + "health");
    }

    private static String presented(AdminRequest request) {
        String header = request.header(HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    private static String cookie(AdminRequest request) {
        String cookies = request.header("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String pair : cookies.split(";")) {
            String[] nameValue = pair.strip().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].equals(COOKIE)) {
                return nameValue[1].strip();
            }
        }
        return null;
    }

    /** The cookie's value: derived from the token, so holding the cookie does not reveal the token. */
    private static String sessionOf(byte[] token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            byte[] digest = mac.doFinal("dispatchsim admin UI session".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }
}
