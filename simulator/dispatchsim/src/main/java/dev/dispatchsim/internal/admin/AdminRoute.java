package dev.dispatchsim.internal.admin;

import java.util.Set;
import java.util.function.Function;

/**
 * A route added to the admin API from outside this package (the timeline UI's): it gets the same token
 * check, 404/405 handling and query-parameter validation as the built-in ones.
 *
 * @param pattern path after {@code /_sim/}, segments separated by {@code /}, {@code {name}} for a path parameter
 * @param params  the query parameters it accepts; any other is a 400 naming these
 */
public record AdminRoute(String method, String pattern, Set<String> params, Function<AdminCall, AdminResponse> handler) {

    public AdminRoute {
        params = Set.copyOf(params);
    }
}
