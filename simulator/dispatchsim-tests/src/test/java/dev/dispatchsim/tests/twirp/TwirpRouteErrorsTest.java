package dev.dispatchsim.tests.twirp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.dispatchsim.tests.support.TwirpAnswers.okJson;
import static dev.dispatchsim.tests.support.TwirpAnswers.twirpError;
import static dev.dispatchsim.tests.support.TwirpHttp.NODE_CONTENT_TYPE;
import static dev.dispatchsim.tests.support.TwirpHttp.PROTOBUF;
import static org.assertj.core.api.Assertions.assertThat;

/** Routing and decoding rows: bad input is a Twirp 4xx, never a 500 or a hang. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 7)
class TwirpRouteErrorsTest {

    private static final String LIST_ROOMS = "/twirp/livekit.RoomService/ListRooms";

    private TwirpHttp twirp;
    private String listToken;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
        listToken = twirp.nodeBearer(TwirpHttp.roomList());
    }

    private HttpResponse<String> listRooms(String contentType, String body) {
        return twirp.post("livekit.RoomService/ListRooms", contentType, body.getBytes(StandardCharsets.ISO_8859_1), listToken);
    }

    @Test
    void should_answer_bad_route_when_the_http_method_is_not_post() {
        // GIVEN / WHEN a GET on a real RPC
        HttpResponse<String> response = twirp.request("GET", LIST_ROOMS, Map.of("Authorization", listToken),
                BodyPublishers.noBody());

        // THEN Twirp refuses the method and names the route in meta
        JsonNode body = twirpError(response, 404, "bad_route", "unsupported method \"GET\" (only POST is allowed)");
        assertThat(body.path("meta").path("twirp_invalid_route").asText()).isEqualTo("GET " + LIST_ROOMS);
    }

    @Test
    void should_answer_bad_route_when_the_rpc_does_not_exist() {
        // GIVEN / WHEN a POST to a method RoomService does not have
        HttpResponse<String> response = twirp.post("livekit.RoomService/Nope", NODE_CONTENT_TYPE,
                "{}".getBytes(StandardCharsets.UTF_8), listToken);

        // THEN no handler
        JsonNode body = twirpError(response, 404, "bad_route", "no handler for path \"/twirp/livekit.RoomService/Nope\"");
        assertThat(body.path("meta").path("twirp_invalid_route").asText()).isEqualTo("POST /twirp/livekit.RoomService/Nope");
    }

    @Test
    void should_answer_bad_route_when_the_service_does_not_exist() {
        // GIVEN / WHEN a POST to a service the simulator does not serve
        HttpResponse<String> response = twirp.post("livekit.Egress/ListEgress", NODE_CONTENT_TYPE,
                "{}".getBytes(StandardCharsets.UTF_8), listToken);

        // THEN no handler
        twirpError(response, 404, "bad_route", "no handler for path \"/twirp/livekit.Egress/ListEgress\"");
    }

    @Test
    void should_answer_bad_route_when_the_content_type_is_neither_json_nor_protobuf() {
        // GIVEN / WHEN a text/plain body
        HttpResponse<String> response = listRooms("text/plain", "{}");

        // THEN the Content-Type is quoted back as the real server does
        JsonNode body = twirpError(response, 404, "bad_route", "unexpected Content-Type: \"text/plain\"");
        assertThat(body.path("meta").path("twirp_invalid_route").asText()).isEqualTo("POST " + LIST_ROOMS);
    }

    @Test
    void should_answer_bad_route_when_there_is_no_content_type() {
        // GIVEN / WHEN no Content-Type header at all
        HttpResponse<String> response = listRooms(null, "{}");

        // THEN it is an empty, unexpected Content-Type
        twirpError(response, 404, "bad_route", "unexpected Content-Type: \"\"");
    }

    @Test
    void should_accept_the_media_type_in_any_case_when_it_has_parameters() {
        // GIVEN / WHEN an upper-case media type with a charset
        HttpResponse<String> response = listRooms("Application/JSON ; charset=utf-8", "{}");

        // THEN it is JSON, answered as plain application/json
        assertThat(okJson(response).path("rooms").isArray()).isTrue();
    }

    @Test
    void should_answer_malformed_when_the_json_is_broken() {
        // GIVEN / WHEN a truncated JSON body
        HttpResponse<String> response = listRooms(NODE_CONTENT_TYPE, "{\"names\":[");

        // THEN malformed, 400
        twirpError(response, 400, "malformed", "the json request could not be decoded");
    }

    @Test
    void should_answer_malformed_when_the_json_body_is_empty() {
        // GIVEN / WHEN a 0-byte JSON body (not a JSON value)
        HttpResponse<String> response = listRooms(NODE_CONTENT_TYPE, "");

        // THEN malformed, unlike a 0-byte protobuf body
        twirpError(response, 400, "malformed", "the json request could not be decoded");
    }

    @Test
    void should_answer_malformed_when_a_json_field_has_the_wrong_type() {
        // GIVEN / WHEN names as a number
        HttpResponse<String> response = listRooms(NODE_CONTENT_TYPE, "{\"names\":42}");

        // THEN malformed
        twirpError(response, 400, "malformed", "the json request could not be decoded");
    }

    @Test
    void should_answer_malformed_when_the_protobuf_is_broken() {
        // GIVEN / WHEN a field tag promising 100 bytes that never come
        HttpResponse<String> response = listRooms(PROTOBUF, "\n\u0064abc");

        // THEN malformed, with the protobuf wording
        twirpError(response, 400, "malformed", "the protobuf request could not be decoded");
    }

    @Test
    void should_route_the_call_when_the_path_starts_with_a_double_slash() {
        // GIVEN / WHEN the path starts with "//" (a base URL with a trailing slash)
        HttpResponse<String> response = twirp.request("POST", "/" + LIST_ROOMS,
                Map.of("Content-Type", NODE_CONTENT_TYPE, "Authorization", listToken), BodyPublishers.ofString("{}"));

        // THEN the leading slash is collapsed and the call succeeds
        assertThat(okJson(response).path("rooms").isArray()).isTrue();
    }
}
