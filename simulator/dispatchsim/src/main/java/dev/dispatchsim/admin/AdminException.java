package dev.dispatchsim.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(asJson(details));
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

    /**
     * The values as the admin API's JSON carries them, so that in-process and HTTP details compare equal:
     * whole numbers as Integer (Long only beyond its range), other numbers as Double, maps and lists as
     * LinkedHashMap and ArrayList, anything else (enums, say) as its text.
     */
    private static Map<String, Object> asJson(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), asJsonValue(value)));
        return copy;
    }

    private static Object asJsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            long whole = ((Number) value).longValue();
            if (whole == (int) whole) {
                return (int) whole; // not a ?: expression, which would widen it back to a Long
            }
            return whole;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            return asJson(map);
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>();
            items.forEach(item -> copy.add(asJsonValue(item)));
            return copy;
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return "AdminException[" + status + " " + error + ": " + getMessage() + (details.isEmpty() ? "" : " " + details) + "]";
    }
}
