package dev.dispatchsim.tests.twirp;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS as livekit-server configures rs/cors: any origin (echoed), preflight answered before auth, max-age a day. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 7)
class CorsTest {

    private static final String LIST_ROOMS = "/twirp/livekit.RoomService/ListRooms";
    private static final String ORIGIN = "http://app.example:3000";

    private TwirpHttp twirp;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
    }

    @Test
    void should_answer_the_preflight_with_204_when_a_browser_asks_for_post() {
        // GIVEN / WHEN a browser's preflight for a Twirp POST, without any token
        HttpResponse<String> response = twirp.request("OPTIONS", LIST_ROOMS, Map.of("Origin", ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type"),
                BodyPublishers.noBody());

        // THEN it is allowed for a day, echoing origin, method and headers, with no body and no type
        HttpHeaders headers = response.headers();
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(headers.firstValue("Content-Type")).isEmpty();
        assertThat(headers.firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(headers.firstValue("Access-Control-Allow-Methods")).hasValue("POST");
        assertThat(headers.firstValue("Access-Control-Allow-Headers")).hasValue("authorization,content-type");
        assertThat(headers.firstValue("Access-Control-Max-Age")).hasValue("86400");
        assertThat(headers.firstValue("Vary"))
                .hasValue("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    }

    @Test
    void should_answer_the_preflight_without_allow_headers_when_the_method_is_not_allowed() {
        // GIVEN / WHEN a preflight for PUT, which the real server does not list
        HttpResponse<String> response = twirp.request("OPTIONS", LIST_ROOMS, Map.of("Origin", ORIGIN,
                "Access-Control-Request-Method", "PUT"), BodyPublishers.noBody());

        // THEN it is still a 204, but grants nothing
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).isEmpty();
    }

    @Test
    void should_add_allow_origin_and_expose_headers_when_an_actual_request_has_an_origin() {
        // GIVEN / WHEN a cross-origin Twirp call (here one the grant check refuses)
        HttpResponse<String> response = twirp.request("POST", LIST_ROOMS, Map.of("Origin", ORIGIN,
                "Content-Type", "application/json"), BodyPublishers.ofString("{}"));

        // THEN even the error carries the CORS headers, so the browser can read it
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValue("*");
        assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
    }

    @Test
    void should_add_only_vary_when_the_request_has_no_origin() {
        // GIVEN / WHEN a server-side call (no Origin)
        HttpResponse<String> response = twirp.json("livekit.RoomService/ListRooms", "{}", TwirpHttp.roomList());

        // THEN only Vary is set
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void should_route_options_to_twirp_when_it_is_not_a_preflight() {
        // GIVEN / WHEN an OPTIONS without Access-Control-Request-Method
        HttpResponse<String> response = twirp.request("OPTIONS", LIST_ROOMS, Map.of(), BodyPublishers.noBody());

        // THEN it is an ordinary request with the wrong method
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("unsupported method \\\"OPTIONS\\\"");
    }
}
