package dev.dispatchsim.internal.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.dispatchsim.internal.auth.TestTokens.CAPTURE_KEY;
import static dev.dispatchsim.internal.auth.TestTokens.CAPTURE_SECRET;
import static dev.dispatchsim.internal.auth.TestTokens.NODE_HEADER;
import static dev.dispatchsim.internal.auth.TestTokens.sign;
import static org.assertj.core.api.Assertions.assertThat;

class TokenClaimsTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    private static final long T = NOW.getEpochSecond();

    private final TokenVerifier verifier = new TokenVerifier(ApiKeys.of(CAPTURE_KEY, CAPTURE_SECRET), () -> NOW);

    private AuthResult verifyPayload(String claimsJson) {
        String payload = "{\"iss\":\"devkey\",\"exp\":" + (T + 600) + (claimsJson.isEmpty() ? "" : "," + claimsJson) + "}";
        return verifier.verify("Bearer " + sign(NODE_HEADER, payload, CAPTURE_SECRET), null);
    }

    private Claims claimsOf(String claimsJson) {
        AuthResult result = verifyPayload(claimsJson);
        assertThat(result).isInstanceOf(AuthResult.Authenticated.class);
        return result.claimsOrNull();
    }

    @Test
    void should_read_every_livekit_claim_when_present() throws Exception {
        // GIVEN a join token with every claim the simulator uses
        String claimsJson = "\"sub\":\"alice\",\"name\":\"Alice\",\"kind\":\"standard\",\"metadata\":\"{\\\"m\\\":1}\","
                + "\"attributes\":{\"team\":\"red\"},\"roomPreset\":\"preset-1\","
                + "\"roomConfig\":{\"agents\":[{\"agentName\":\"stt-agent\",\"metadata\":\"x\"}],\"emptyTimeout\":30},"
                + "\"video\":{\"roomJoin\":true,\"room\":\"r1\",\"canPublish\":false,\"canPublishSources\":[\"camera\"],"
                + "\"hidden\":true,\"destinationRoom\":\"r2\",\"canManageAgentSession\":true}";

        // WHEN it is verified
        Claims claims = claimsOf(claimsJson);

        // THEN the claims come through, roomConfig as equivalent JSON text
        assertThat(claims.identity()).isEqualTo("alice");
        assertThat(claims.name()).isEqualTo("Alice");
        assertThat(claims.kind()).isEqualTo("standard");
        assertThat(claims.metadata()).isEqualTo("{\"m\":1}");
        assertThat(claims.attributes()).isEqualTo(Map.of("team", "red"));
        assertThat(claims.roomPreset()).isEqualTo("preset-1");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(claims.roomConfigJson())).isEqualTo(json.readTree(
                "{\"agents\":[{\"agentName\":\"stt-agent\",\"metadata\":\"x\"}],\"emptyTimeout\":30}"));
        assertThat(claims.video().roomJoin()).isTrue();
        assertThat(claims.video().room()).isEqualTo("r1");
        assertThat(claims.video().canPublish()).isFalse();
        assertThat(claims.video().canPublishSources()).containsExactly("camera");
        assertThat(claims.video().hidden()).isTrue();
        assertThat(claims.video().destinationRoom()).isEqualTo("r2");
        assertThat(claims.video().canManageAgentSession()).isTrue();
    }

    @Test
    void should_use_defaults_when_claims_are_absent() {
        // GIVEN a token with nothing but iss and exp
        // WHEN it is verified
        Claims claims = claimsOf("");

        // THEN strings are empty, collections empty, roomConfig null and the video grant grants nothing
        assertThat(claims.identity()).isEmpty();
        assertThat(claims.name()).isEmpty();
        assertThat(claims.kind()).isEmpty();
        assertThat(claims.attributes()).isEmpty();
        assertThat(claims.roomConfigJson()).isNull();
        assertThat(claims.roomPreset()).isEmpty();
        assertThat(claims.video()).isEqualTo(VideoGrant.NONE);
    }

    @Test
    void should_fall_back_to_jti_when_sub_is_empty() {
        // GIVEN tokens with an empty sub and a jti, or no sub at all and a jti
        // WHEN they are verified
        Claims emptySub = claimsOf("\"sub\":\"\",\"jti\":\"id-from-jti\"");
        Claims noSub = claimsOf("\"jti\":\"id-from-jti\"");
        Claims both = claimsOf("\"sub\":\"id-from-sub\",\"jti\":\"id-from-jti\"");

        // THEN identity is jti unless sub is set (LiveKit's rule); the identity claim itself is not used
        assertThat(emptySub.identity()).isEqualTo("id-from-jti");
        assertThat(noSub.identity()).isEqualTo("id-from-jti");
        assertThat(both.identity()).isEqualTo("id-from-sub");
        assertThat(claimsOf("\"identity\":\"ignored\"").identity()).isEmpty();
    }

    @Test
    void should_treat_json_null_as_absent_when_claims_are_null() {
        // GIVEN a token whose claims are explicitly null
        // WHEN it is verified
        Claims claims = claimsOf("\"name\":null,\"video\":{\"roomList\":null,\"canPublish\":null},"
                + "\"attributes\":{\"a\":null},\"roomConfig\":null");

        // THEN nulls read like absent claims (Go's encoding/json does the same)
        assertThat(claims.name()).isEmpty();
        assertThat(claims.video().roomList()).isFalse();
        assertThat(claims.video().canPublish()).isNull();
        assertThat(claims.attributes()).isEqualTo(Map.of("a", ""));
        assertThat(claims.roomConfigJson()).isNull();
    }

    @Test
    void should_reject_as_malformed_when_a_livekit_claim_has_the_wrong_type() {
        // GIVEN tokens whose LiveKit claims have wrong JSON types
        List<String> wrong = List.of(
                "\"video\":{\"roomCreate\":\"yes\"}",
                "\"video\":[]",
                "\"name\":1",
                "\"attributes\":{\"a\":1}",
                "\"attributes\":\"a=b\"",
                "\"video\":{\"canPublishSources\":\"camera\"}",
                "\"video\":{\"canPublishSources\":[1]}",
                "\"roomConfig\":\"{}\"");

        // WHEN they are verified
        // THEN each is refused as a malformed token, naming the claim
        assertThat(wrong).allSatisfy(claim -> assertThat(verifyPayload(claim))
                .isInstanceOfSatisfying(AuthResult.Rejected.class, rejected -> assertThat(rejected.plainTextMessage())
                        .startsWith("invalid authorization token: token is malformed: could not JSON decode claim: claim '")));
        assertThat(((AuthResult.Rejected) verifyPayload("\"video\":{\"roomCreate\":\"yes\"}")).plainTextMessage())
                .isEqualTo("invalid authorization token: token is malformed: could not JSON decode claim: "
                        + "claim 'video.roomCreate' must be a boolean, got string");
    }
}
