package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The admin token: when set (given, or generated because the simulator listens beyond loopback), every
 * {@code /_sim/} call but {@code GET /_sim/health} must carry it as
 * {@code Authorization: Bearer <token>} or {@code X-Admin-Token: <token>}. The LiveKit APIs keep
 * their own JWT auth; this only guards the simulator's back door.
 */
final class AdminAuth {

    static final String HEADER = "X-Admin-Token";
    private static final String HOW = "send 'Authorization: Bearer <token>' or '" + HEADER + ": <token>' "
            + "(the token is set with --admin-token or DISPATCHSIM_ADMIN_TOKEN)";

    private final byte[] token;

    AdminAuth(String token) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
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
            return new AdminException(401, "unauthenticated", "this simulator's admin API requires its admin token: " + HOW);
        }
        // constant-time, so the comparison does not leak how much of a guess was right
        if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return new AdminException(401, "unauthenticated", "the admin token does not match; " + HOW);
        }
        return null;
    }

    /**
     * {@code GET /_sim/health} is open, so that a container's health check or a load balancer needs no
     * secret; it tells only that the simulator is up, its seed, clock and last sequence number.
     */
    private static boolean isHealth(AdminRequest request) {
        String path = request.path().replaceAll("/+$", "");
        return (request.method().equalsIgnoreCase("GET") || request.method().equalsIgnoreCase("HEAD"))
                && path.equals(AdminApi.PREFIX + "health");
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
}
