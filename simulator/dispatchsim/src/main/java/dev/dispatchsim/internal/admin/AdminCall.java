package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.internal.clock.DurationText;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One matched admin request: its path parameters and typed access to its query parameters (400 on bad values). */
public record AdminCall(AdminRequest request, Map<String, String> pathParams) {

    public String path(String name) {
        return pathParams.get(name);
    }

    public String body() {
        return request.body();
    }

    /** The single value of {@code name}, or null; given twice is an error rather than a silent pick. */
    public String query(String name) {
        List<String> values = request.query().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw AdminException.badRequest("query parameter '" + name + "' is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    public long queryLong(String name, long fallback) {
        String value = query(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException notANumber) {
            throw AdminException.badRequest(name + ": '" + value + "' is not a whole number");
        }
    }

    public Duration queryDuration(String name, Duration fallback) {
        String value = query(name);
        if (value == null || value.isEmpty()) {
            if (fallback == null) {
                throw AdminException.badRequest("query parameter '" + name + "' is required, e.g. " + name + "=10s; forms: "
                        + DurationText.FORMS);
            }
            return fallback;
        }
        try {
            return DurationText.parse(value, name);
        } catch (IllegalArgumentException invalid) {
            throw AdminException.badRequest(invalid.getMessage());
        }
    }

    /** {@code type=A,B} and {@code type=A&type=B} both mean "A or B". */
    public Set<String> queryList(String name) {
        List<String> values = request.query().getOrDefault(name, List.of());
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
