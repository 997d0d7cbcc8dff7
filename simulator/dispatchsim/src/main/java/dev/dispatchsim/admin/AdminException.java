package dev.dispatchsim.admin;

import dev.dispatchsim.internal.admin.AdminJson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An admin call that failed, the same way whichever {@link SimulatorAdmin} implementation ran it:
 * the HTTP status the admin API answers with, a stable machine-readable {@code error} code, a
 * message that says what, why and how to fix, and details (for example a profile's line and column).
 */
public final class AdminException extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, Object> details;

    public AdminException(int status, String error, String message) {
        this(status, error, message, Map.of());
    }

    public AdminException(int status, String error, String message, Map<String, ?> details) {
        super(message);
        this.status = status;
        this.error = error;
        // normalised through JSON so that in-process and HTTP details compare equal (ints stay ints, lists stay lists)
        this.details = AdminJson.normalize(details);
    }

    /** The HTTP status of the admin API's answer, e.g. 404, 409, 501, 504. */
    public int status() {
        return status;
    }

    /** Stable code, e.g. {@code not_found}, {@code clock_not_manual}, {@code timeout}, {@code invalid_profile}. */
    public String error() {
        return error;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The error as the admin API writes it: {@code {"error": ..., "message": ..., ...details}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", error);
        json.put("message", getMessage());
        details.forEach(json::putIfAbsent);
        return json;
    }

    /** 400 {@code invalid_argument}: a value the caller sent cannot be used; the message says which and why. */
    public static AdminException badRequest(String message) {
        return new AdminException(400, "invalid_argument", message);
    }

    @Override
    public String toString() {
        return "AdminException[" + status + " " + error + ": " + getMessage() + (details.isEmpty() ? "" : " " + details) + "]";
    }
}
