package dev.dispatchsim.tests.security;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.admin.SimulatorAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S1: the admin API is locked whenever it can be reached from a network. Bound beyond loopback with no token
 * given, the simulator makes one up and asks for it everywhere but health; on loopback it stays open, but
 * a change needs a JSON or YAML content type, which no web page can send without a CORS preflight.
 */
@Timeout(30)
class AdminAccessTest {

    @Test
    void should_require_a_generated_token_on_every_route_but_health_when_bound_beyond_loopback_without_one() {
        // GIVEN a simulator listening on every interface, given no admin token
        try (LiveKitSimulator sim = LiveKitSimulator.builder().bind("0.0.0.0").start()) {
            Http http = new Http(sim.httpUrl());

            // WHEN the admin API is called without a token, with the generated one, and health without any
            HttpResponse<String> state = http.get("/_sim/state");
            HttpResponse<String> reset = http.send("POST", "/_sim/reset", "application/json", "");
            HttpResponse<String> health = http.get("/_sim/health");
            String token = sim.adminToken().orElseThrow();
            HttpResponse<String> withToken = http.send("GET", "/_sim/state", null, null, "X-Admin-Token", token);

            // THEN only health and the token's holder get in
            assertThat(state.statusCode()).isEqualTo(401);
            assertThat(state.body()).contains("unauthenticated");
            assertThat(reset.statusCode()).isEqualTo(401);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(token).hasSize(32).matches("[0-9a-f]+");
            assertThat(sim.settings().adminTokenSet()).isTrue();
            // AND the HTTP admin client with the token does everything, changes included
            SimulatorAdmin admin = SimulatorAdmin.http(sim.httpUrl(), token);
            admin.addParticipant("r1", "alice", SimParticipant.human());
            admin.reset();
            assertThat(admin.state().rooms()).isEmpty();
        }
    }

    @Test
    void should_refuse_a_change_that_a_web_page_could_send_without_a_preflight_when_the_api_is_open_on_loopback() {
        // GIVEN an open admin API on loopback with a room in it
        try (LiveKitSimulator sim = LiveKitSimulator.builder().start()) {
            sim.admin().addParticipant("kept", "alice", SimParticipant.human());
            Http http = new Http(sim.httpUrl());

            // WHEN a reset comes as a CORS "simple" request: no type, text/plain, a form
            HttpResponse<String> untyped = http.send("POST", "/_sim/reset", null, "");
            HttpResponse<String> text = http.send("POST", "/_sim/reset", "text/plain", "");
            HttpResponse<String> form = http.send("POST", "/_sim/reset", "application/x-www-form-urlencoded", "a=b");
            HttpResponse<String> profile = http.send("PUT", "/_sim/profile", "text/plain", "name: x\n");

            // THEN each is refused with what to send instead, and nothing changed
            for (HttpResponse<String> refused : java.util.List.of(untyped, text, form, profile)) {
                assertThat(refused.statusCode()).isEqualTo(415);
                assertThat(refused.body()).contains("unsupported_media_type").contains("Content-Type: application/json");
            }
            assertThat(sim.admin().state().rooms()).hasSize(1);
            assertThat(sim.admin().profile()).isEmpty();
            // AND the same change typed as JSON goes through
            assertThat(http.send("POST", "/_sim/reset", "application/json", "").statusCode()).isEqualTo(204);
            assertThat(sim.admin().state().rooms()).isEmpty();
        }
    }

    @Test
    void should_leave_the_api_open_and_generate_nothing_when_bound_to_loopback() {
        // GIVEN a simulator on 127.0.0.1 (the default) without a token
        try (LiveKitSimulator sim = LiveKitSimulator.builder().start()) {
            // WHEN its state is read without a token
            HttpResponse<String> state = new Http(sim.httpUrl()).get("/_sim/state");

            // THEN it answers: a developer's local tool stays open
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(sim.adminToken()).isEmpty();
            assertThat(sim.settings().adminTokenSet()).isFalse();
        }
    }
}
