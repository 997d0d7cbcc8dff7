package dev.dispatchsim.tests.security;

import dev.dispatchsim.LiveKitSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S4: a web page from an origin nobody configured can neither read the admin API nor be granted a
 * preflight for a change; a configured origin can; the LiveKit APIs keep the real server's CORS.
 */
@Timeout(30)
class AdminCorsTest {

    private static final String EVIL = "http://evil.example";
    private static final String APP = "http://localhost:3000";

    @Test
    void should_send_no_cors_headers_to_an_origin_nobody_configured_when_it_reads_or_preflights_the_admin_api() {
        // GIVEN an open admin API on loopback, with one origin configured
        try (LiveKitSimulator sim = LiveKitSimulator.builder().adminCorsOrigins(APP).start()) {
            Http http = new Http(sim.httpUrl());

            // WHEN another origin reads the state and asks to reset
            HttpResponse<String> read = http.get("/_sim/state", "Origin", EVIL);
            HttpResponse<String> preflight = http.send("OPTIONS", "/_sim/reset", null, null, "Origin", EVIL,
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");

            // THEN the browser gets nothing that lets the page see the answer or send the reset
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight.statusCode()).isEqualTo(403);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight.body()).contains("--admin-cors-origin " + EVIL);
        }
    }

    @Test
    void should_allow_exactly_the_configured_origin_when_it_reads_or_preflights_the_admin_api() {
        // GIVEN one configured origin
        try (LiveKitSimulator sim = LiveKitSimulator.builder().adminCorsOrigins(APP).start()) {
            Http http = new Http(sim.httpUrl());

            // WHEN it reads and preflights a reset
            HttpResponse<String> read = http.get("/_sim/state", "Origin", APP);
            HttpResponse<String> preflight = http.send("OPTIONS", "/_sim/reset", null, null, "Origin", APP,
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-admin-token");

            // THEN it gets its own origin back, and the methods and headers the admin API needs
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("POST"));
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(h ->
                    assertThat(h).contains("Content-Type").contains("X-Admin-Token"));
        }
    }

    @Test
    void should_keep_the_real_servers_cors_for_the_livekit_apis_when_the_admin_api_has_none() {
        // GIVEN no configured origin
        try (LiveKitSimulator sim = LiveKitSimulator.builder().start()) {
            // WHEN any origin preflights a Twirp call
            HttpResponse<String> preflight = new Http(sim.httpUrl()).send("OPTIONS", "/twirp/livekit.RoomService/ListRooms",
                    null, null, "Origin", EVIL, "Access-Control-Request-Method", "POST");

            // THEN it is allowed, as livekit-server allows every origin
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EVIL);
        }
    }
}
