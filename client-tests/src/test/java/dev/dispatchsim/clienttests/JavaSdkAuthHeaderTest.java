package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each request is judged on its own Authorization header, as measured on livekit-server 1.13.5: no verdict is
 * reused across header values (the simulator keeps no verdict cache at all, so every use also checks exp and
 * nbf again). {@code Bearer} is case-sensitive. Tokens minted by the Java SDK's AccessToken, headers sent raw.
 */
@Timeout(60)
@LiveKitSimulatorTest(seed = 31)
class JavaSdkAuthHeaderTest {

    private static final String BAD_HEADER = "invalid authorization header. Must start with Bearer ";

    private LiveKitSimulator sim;
    private RawTwirp raw;
    private String token;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        this.sim = sim;
        raw = new RawTwirp(sim);
        token = raw.token(new RoomList(true));
    }

    private HttpResponse<String> listRooms(String authorization) {
        return raw.json("livekit.RoomService/ListRooms", "{}", authorization);
    }

    @Test
    void should_accept_bearer_right_after_the_same_token_was_refused_as_lowercase_bearer() {
        // GIVEN / WHEN the token sent as "bearer <t>", then as "Bearer <t>"
        HttpResponse<String> lower = listRooms("bearer " + token);
        HttpResponse<String> proper = listRooms("Bearer " + token);

        // THEN the first is refused in plain text, the second served
        assertThat(lower.statusCode()).isEqualTo(401);
        assertThat(lower.body()).isEqualTo(BAD_HEADER);
        assertThat(proper.statusCode()).isEqualTo(200);
    }

    @Test
    void should_refuse_lowercase_bearer_right_after_the_same_token_was_accepted() {
        // GIVEN / WHEN the token sent as "Bearer <t>", then as "bearer <t>", then properly again
        HttpResponse<String> proper = listRooms("Bearer " + token);
        HttpResponse<String> lower = listRooms("bearer " + token);
        HttpResponse<String> again = listRooms("Bearer " + token);

        // THEN only the properly written header is served, each time
        assertThat(proper.statusCode()).isEqualTo(200);
        assertThat(lower.statusCode()).isEqualTo(401);
        assertThat(lower.body()).isEqualTo(BAD_HEADER);
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void should_refuse_an_expired_token_between_two_accepted_ones_when_their_claims_are_the_same() {
        // GIVEN a token with the same grant that expired long ago (2020-01-01, far beyond the minute of leeway)
        AccessToken old = new AccessToken(sim.apiKey(), sim.apiSecret());
        old.addGrants(new RoomList(true));
        old.setExpiration(java.util.Date.from(java.time.Instant.parse("2020-01-01T00:00:00Z")));
        String expired = old.toJwt();

        // WHEN good, expired, good are sent in a row
        HttpResponse<String> first = listRooms("Bearer " + token);
        HttpResponse<String> stale = listRooms("Bearer " + expired);
        HttpResponse<String> second = listRooms("Bearer " + token);

        // THEN the expired one is refused for its lifetime, the others served
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).startsWith("invalid authorization token: token has invalid claims: token is expired");
        assertThat(second.statusCode()).isEqualTo(200);
    }
}
