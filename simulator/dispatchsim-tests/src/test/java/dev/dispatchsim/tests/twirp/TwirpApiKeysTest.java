package dev.dispatchsim.tests.twirp;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.TestTokens;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static dev.dispatchsim.tests.support.TwirpAnswers.okJson;
import static dev.dispatchsim.tests.support.TwirpAnswers.plainText;
import static dev.dispatchsim.tests.support.TwirpHttp.NODE_CONTENT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

/** Tokens are checked against the configured key/secret pairs: devkey/secret by default, any of several otherwise. */
@Timeout(30)
@LiveKitSimulatorTest
class TwirpApiKeysTest {

    private static HttpResponse<String> listRooms(LiveKitSimulator sim, String token) {
        return new TwirpHttp(sim.httpUrl(), "unused", "unused").post("livekit.RoomService/ListRooms", NODE_CONTENT_TYPE,
                "{}".getBytes(StandardCharsets.UTF_8), "Bearer " + token);
    }

    @Test
    void should_accept_devkey_and_secret_when_no_keys_are_configured(LiveKitSimulator sim) {
        // GIVEN a simulator with default keys
        // WHEN Node- and Java-style tokens signed with devkey/secret are used
        String node = TestTokens.nodeStyle("devkey", "secret", TwirpHttp.roomList(), Instant.now());
        String java = TestTokens.javaStyle("devkey", "secret", TwirpHttp.roomList(), Instant.now());

        // THEN both are accepted
        assertThat(sim.apiKey()).isEqualTo("devkey");
        assertThat(okJson(listRooms(sim, node)).has("rooms")).isTrue();
        assertThat(okJson(listRooms(sim, java)).has("rooms")).isTrue();
    }

    @Test
    void should_accept_every_configured_pair_and_refuse_devkey_when_keys_are_configured() {
        // GIVEN a simulator with two configured pairs
        try (LiveKitSimulator sim = LiveKitSimulator.builder().apiKeys(Map.of("k1", "s1", "k2", "s2")).start()) {
            // WHEN / THEN a token for either pair passes, devkey is unknown, a pair's secret does not fit the other key
            assertThat(okJson(listRooms(sim, TestTokens.nodeStyle("k1", "s1", TwirpHttp.roomList(), Instant.now())))
                    .has("rooms")).isTrue();
            assertThat(okJson(listRooms(sim, TestTokens.javaStyle("k2", "s2", TwirpHttp.roomList(), Instant.now())))
                    .has("rooms")).isTrue();
            plainText(listRooms(sim, TestTokens.nodeStyle("devkey", "secret", TwirpHttp.roomList(), Instant.now())),
                    401, "invalid API key");
            plainText(listRooms(sim, TestTokens.nodeStyle("k2", "s1", TwirpHttp.roomList(), Instant.now())),
                    401, "invalid authorization token: token signature is invalid: signature is invalid");
        }
    }
}
