package dev.dispatchsim.internal.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The rule that keeps the admin API from being open to a network: a simulator that listens beyond
 * loopback and was given no admin token gets a random one at start, announced once in a line scripts
 * can parse ({@code admin token: <token>}). On loopback the admin API stays open, as a developer's
 * local tool (docs/security.md says what that still allows).
 */
public final class AdminTokens {

    /** Text before the token in the announcement; the token follows it up to the next space. */
    public static final String ANNOUNCED_AS = "admin token: ";

    // Not the seeded generators: a secret must not be derivable from the simulator's (public) seed.
    private static final SecureRandom SECRETS = new SecureRandom();

    private AdminTokens() {
    }

    /** Whether {@code bind} is a loopback address; a name that does not resolve counts as not loopback. */
    public static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException unknown) {
            return false;
        }
    }

    /** The token in force: {@code given}, else a generated one when {@code bind} is not loopback, else null (open). */
    public static String inForce(String given, String bind) {
        if (given != null && !given.isEmpty()) {
            return given;
        }
        return isLoopback(bind) ? null : generate();
    }

    /** 128 random bits as 32 hex characters. */
    public static String generate() {
        byte[] token = new byte[16];
        SECRETS.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    /** The one line that announces a generated token, and how to choose one instead. */
    public static String announcement(String token, String bind) {
        return "dispatchsim " + ANNOUNCED_AS + token + " (generated: listening on " + bind + ", beyond loopback, with no"
                + " admin token given; every /_sim/ call but GET /_sim/health needs 'Authorization: Bearer <token>' or"
                + " 'X-Admin-Token: <token>'; choose your own with --admin-token or DISPATCHSIM_ADMIN_TOKEN)";
    }
}
