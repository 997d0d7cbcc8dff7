package dev.dispatchsim.tests.twirp;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.internal.clock.WallClock;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.TestTokens;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.dispatchsim.tests.support.TwirpAnswers.plainText;
import static dev.dispatchsim.tests.support.TwirpAnswers.twirpError;
import static dev.dispatchsim.tests.support.TwirpHttp.NODE_CONTENT_TYPE;

/** The auth rows: grant failures are Twirp JSON 401s; token failures are the middleware's plain-text 401s. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 7)
class TwirpAuthErrorsTest {

    private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

    private TwirpHttp twirp;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
    }

    private HttpResponse<String> listRooms(String authorization) {
        return twirp.post("livekit.RoomService/ListRooms", NODE_CONTENT_TYPE, EMPTY_JSON, authorization);
    }

    @Test
    void should_answer_unauthenticated_json_when_the_token_lacks_the_grant() {
        // GIVEN a valid token that may create rooms but not list them
        // WHEN it calls ListRooms
        HttpResponse<String> response = listRooms(twirp.nodeBearer(TwirpHttp.roomCreate()));

        // THEN the handler's grant check answers 401 unauthenticated (not permission_denied)
        twirpError(response, 401, "unauthenticated", "permissions denied");
    }

    @Test
    void should_answer_unauthenticated_json_when_there_is_no_token_at_all() {
        // GIVEN / WHEN a call with no Authorization header and no access_token
        HttpResponse<String> response = listRooms(null);

        // THEN the middleware lets it through and the grant check refuses it
        twirpError(response, 401, "unauthenticated", "permissions denied");
    }

    @Test
    void should_answer_unauthenticated_json_when_the_admin_grant_is_for_another_room() {
        // GIVEN a roomAdmin token for room-b
        // WHEN it lists the dispatches of room-a
        HttpResponse<String> response = twirp.json("livekit.AgentDispatchService/ListDispatch", "{\"room\":\"room-a\"}",
                TwirpHttp.roomAdmin("room-b"));

        // THEN it is refused before the room is even looked up
        twirpError(response, 401, "unauthenticated", "permissions denied");
    }

    @Test
    void should_answer_plain_text_when_the_token_is_malformed() {
        // GIVEN / WHEN a Bearer value that is not a JWT
        HttpResponse<String> response = listRooms("Bearer not-a-jwt");

        // THEN the middleware answers in plain text
        plainText(response, 401, "invalid authorization token");
    }

    @Test
    void should_answer_plain_text_when_the_header_does_not_start_with_bearer(LiveKitSimulator sim) {
        // GIVEN / WHEN a token sent with a lower-case scheme
        HttpResponse<String> response = listRooms("bearer " + TestTokens.nodeStyle(sim.apiKey(), sim.apiSecret(),
                TwirpHttp.roomList(), WallClock.now()));

        // THEN it is refused, case-sensitively, as the real middleware does
        plainText(response, 401, "invalid authorization header. Must start with Bearer ");
    }

    @Test
    void should_answer_plain_text_when_the_token_has_expired(LiveKitSimulator sim) {
        // GIVEN a Node-style token minted two hours ago (10 min lifetime, past the 1 min leeway)
        String token = TestTokens.nodeStyle(sim.apiKey(), sim.apiSecret(), TwirpHttp.roomList(),
                WallClock.now().minus(Duration.ofHours(2)));

        // WHEN it is used
        HttpResponse<String> response = listRooms("Bearer " + token);

        // THEN golang-jwt's wording comes back in plain text
        plainText(response, 401, "invalid authorization token: token has invalid claims: token is expired");
    }

    @Test
    void should_answer_plain_text_when_the_signature_is_wrong(LiveKitSimulator sim) {
        // GIVEN a token for the right key signed with the wrong secret
        String token = TestTokens.nodeStyle(sim.apiKey(), "not-the-secret", TwirpHttp.roomList(), WallClock.now());

        // WHEN it is used
        HttpResponse<String> response = listRooms("Bearer " + token);

        // THEN the signature failure is reported
        plainText(response, 401, "invalid authorization token: token signature is invalid: signature is invalid");
    }

    @Test
    void should_answer_plain_text_when_the_api_key_is_unknown() {
        // GIVEN a well-signed token for a key the simulator does not have
        String token = TestTokens.javaStyle("otherkey", "othersecret", TwirpHttp.roomList(), WallClock.now());

        // WHEN it is used
        HttpResponse<String> response = listRooms("Bearer " + token);

        // THEN the key lookup fails
        plainText(response, 401, "invalid API key");
    }

    @Test
    void should_answer_plain_text_when_the_token_has_no_exp(LiveKitSimulator sim) {
        // GIVEN a token without exp (accepted by older servers, refused by livekit-server 1.13)
        String token = JWT.create().withHeader(Map.of("alg", "HS256")).withIssuer(sim.apiKey())
                .withClaim("video", TwirpHttp.roomList()).withNotBefore(Instant.ofEpochSecond(WallClock.now().getEpochSecond()))
                .sign(Algorithm.HMAC256(sim.apiSecret()));

        // WHEN it is used
        HttpResponse<String> response = listRooms("Bearer " + token);

        // THEN exp is reported as required
        plainText(response, 401,
                "invalid authorization token: token has invalid claims: token is missing required claim: exp claim is required");
    }

    @Test
    void should_check_the_token_before_routing_when_the_method_is_also_wrong() {
        // GIVEN / WHEN a GET with a bad token
        HttpResponse<String> response = twirp.request("GET", "/twirp/livekit.RoomService/ListRooms",
                Map.of("Authorization", "Bearer x.y.z"), java.net.http.HttpRequest.BodyPublishers.noBody());

        // THEN the auth middleware, which runs before Twirp, answers
        plainText(response, 401, "invalid authorization token");
    }
}
