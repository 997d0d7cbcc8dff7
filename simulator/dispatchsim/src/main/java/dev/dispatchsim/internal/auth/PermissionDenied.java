package dev.dispatchsim.internal.auth;



/**
 * A grant check failed. The message is always the real server's wire text, "permissions denied"
 * (answered as Twirp {@code unauthenticated}, HTTP 401); {@link #missing()} says which grant was
 * missing, for logs and the journal, without changing what clients see.
 */
public final class PermissionDenied extends RuntimeException {

    public static final String MESSAGE = "permissions denied";

    private final String missing;

    public PermissionDenied(String missing) {
        // No stack trace: this is an expected answer to a client, not a bug.
        super(MESSAGE, null, false, false);
        this.missing = missing;
    }

    /** Which grant the request lacked, e.g. "video.roomAdmin for room 'r1'". */
    public String missing() {
        return missing;
    }

    @Override
    public String toString() {
        return "PermissionDenied: " + MESSAGE + " (needs " + missing + ")";
    }
}
