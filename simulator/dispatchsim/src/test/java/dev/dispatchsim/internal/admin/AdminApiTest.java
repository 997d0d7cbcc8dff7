package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.SimulatorAdmin;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API as a pure function: no simulator, no socket. */
class AdminApiTest {

    /** A SimulatorAdmin whose every operation fails with {@code failure}. */
    private static SimulatorAdmin failingWith(RuntimeException failure) {
        return (SimulatorAdmin) Proxy.newProxyInstance(SimulatorAdmin.class.getClassLoader(),
                new Class<?>[] {SimulatorAdmin.class}, (proxy, method, args) -> {
                    throw failure;
                });
    }

    @Test
    void should_answer_500_in_the_api_shape_naming_the_call_when_the_admin_layer_has_a_bug() {
        AdminApi api = new AdminApi(failingWith(new IllegalStateException("boom")), null);

        AdminResponse response = api.handle(AdminRequest.of("GET", "/_sim/state"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).isEqualTo(AdminResponse.JSON);
        assertThat(AdminJson.readMap(response.body())).isEqualTo(Map.of("error", "internal",
                "message", "GET /_sim/state failed: java.lang.IllegalStateException: boom"));
    }

    @Test
    void should_check_the_token_before_the_route_when_a_token_is_set() {
        AdminApi api = new AdminApi(failingWith(new IllegalStateException("never reached")), "t");

        AdminResponse denied = api.handle(AdminRequest.of("GET", "/_sim/state"));
        AdminResponse allowed = api.handle(new AdminRequest("GET", "/_sim/nope", Map.of(), Map.of("authorization", "bearer t"), ""));

        assertThat(denied.status()).isEqualTo(401);
        assertThat(allowed.status()).isEqualTo(404);
    }

    @Test
    void should_reject_a_parameter_given_twice_rather_than_pick_one() {
        AdminApi api = new AdminApi(failingWith(new IllegalStateException("never reached")), null);

        AdminResponse response = api.handle(new AdminRequest("GET", "/_sim/journal",
                Map.of("since", List.of("1", "2")), Map.of(), ""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(AdminJson.readMap(response.body()).get("message"))
                .isEqualTo("query parameter 'since' is given 2 times; give it once");
    }
}
