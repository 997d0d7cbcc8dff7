package dev.dispatchsim.internal.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentTokenMinterTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    private static final long T = NOW.getEpochSecond();
    private static final ApiKeys KEYS = ApiKeys.parse("devkey:secret,workerkey:workersecretworkersecret1234");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentTokenMinter minter = new AgentTokenMinter(KEYS);

    private static AgentTokenSpec spec(String name, String metadata, AgentPermissions permissions) {
        // Attributes as the Python SDK answers them (it also sends lk.agent.name).
        return new AgentTokenSpec("room-a", "stt-agent", "agent-AJ_1", name, metadata,
                Map.of("lk.agent.name", "stt-agent"), permissions);
    }

    private static JsonNode payload(String token) throws Exception {
        return JSON.readTree(TestTokens.payloadJson(token));
    }

    @Test
    void should_write_exactly_the_real_servers_claims_when_minting() throws Exception {
        // GIVEN an accepted availability response and a worker registered with the SDKs' permissions
        AgentPermissions permissions = new AgentPermissions(true, true, true, true, false, false);

        // WHEN the JobAssignment token is minted
        String token = minter.mint("workerkey", spec("Agent", "{\"v\":1}", permissions), NOW);

        // THEN the payload holds exactly livekit-server's claims, exp one hour ahead, nbf = iat = now
        assertThat(payload(token)).isEqualTo(JSON.readTree("{"
                + "\"iss\":\"workerkey\",\"sub\":\"agent-AJ_1\",\"identity\":\"agent-AJ_1\","
                + "\"name\":\"Agent\",\"kind\":\"agent\",\"metadata\":\"{\\\"v\\\":1}\","
                + "\"attributes\":{\"lk.agent.name\":\"stt-agent\",\"lk.agent_name\":\"stt-agent\"},"
                + "\"video\":{\"roomJoin\":true,\"room\":\"room-a\",\"agent\":true,\"canPublish\":true,"
                + "\"canSubscribe\":true,\"canPublishData\":true,\"canUpdateOwnMetadata\":true,"
                + "\"canSubscribeMetrics\":false},"
                + "\"exp\":" + (T + 3600) + ",\"nbf\":" + T + ",\"iat\":" + T + "}"));
        assertThat(JSON.readTree(TestTokens.headerJson(token)).get("alg").asText()).isEqualTo("HS256");
    }

    @Test
    void should_sign_with_the_secret_of_the_given_key_when_several_keys_exist() {
        // GIVEN two configured keys
        // WHEN a token is minted for the worker's key
        String token = minter.mint("workerkey", spec("", "", AgentPermissions.REGISTER_DEFAULTS), NOW);

        // THEN that key's secret verifies it and the other key's does not
        assertThatCode(() -> Algorithm.HMAC256("workersecretworkersecret1234").verify(JWT.decode(token)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Algorithm.HMAC256("secret").verify(JWT.decode(token)))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void should_round_trip_through_the_verifier_when_minted() {
        // GIVEN a minted token and a verifier with the same keys and clock
        String token = minter.mint("workerkey", spec("Agent", "meta", AgentPermissions.REGISTER_DEFAULTS), NOW);
        TokenVerifier verifier = new TokenVerifier(KEYS, () -> NOW);

        // WHEN the agent presents it
        AuthResult result = verifier.verify("Bearer " + token, null);

        // THEN the claims are the agent's
        assertThat(result).isInstanceOf(AuthResult.Authenticated.class);
        Claims claims = result.claimsOrNull();
        assertThat(claims.apiKey()).isEqualTo("workerkey");
        assertThat(claims.identity()).isEqualTo("agent-AJ_1");
        assertThat(claims.name()).isEqualTo("Agent");
        assertThat(claims.kind()).isEqualTo("agent");
        assertThat(claims.metadata()).isEqualTo("meta");
        assertThat(claims.attributes()).containsEntry("lk.agent_name", "stt-agent");
        assertThat(claims.video().roomJoin()).isTrue();
        assertThat(claims.video().room()).isEqualTo("room-a");
        assertThat(claims.video().agent()).isTrue();
        assertThat(claims.video().hidden()).isFalse();
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(AgentTokenMinter.VALIDITY));
        assertThat(claims.notBefore()).isEqualTo(NOW);
    }

    @Test
    void should_expire_after_one_hour_when_verified_later() {
        // GIVEN a token minted now
        String token = minter.mint("devkey", spec("", "", AgentPermissions.REGISTER_DEFAULTS), NOW);

        // WHEN it is verified just inside and just past one hour plus the leeway
        AuthResult inside = new TokenVerifier(KEYS, () -> NOW.plusSeconds(3600 + 59)).verify("Bearer " + token, null);
        AuthResult past = new TokenVerifier(KEYS, () -> NOW.plusSeconds(3600 + 60)).verify("Bearer " + token, null);

        // THEN it is accepted, then expired
        assertThat(inside).isInstanceOf(AuthResult.Authenticated.class);
        assertThat(past).isEqualTo(new AuthResult.Rejected(
                "invalid authorization token: token has invalid claims: token is expired"));
    }

    @Test
    void should_copy_each_permission_when_worker_restricted_them() throws Exception {
        // GIVEN a worker that may only subscribe and see metrics, and wants its agent hidden
        AgentPermissions permissions = new AgentPermissions(true, false, false, false, true, true);

        // WHEN its token is minted
        JsonNode video = payload(minter.mint("devkey", spec("", "", permissions), NOW)).get("video");

        // THEN every permission is an explicit boolean and hidden is present because it is true
        assertThat(video).isEqualTo(JSON.readTree("{\"roomJoin\":true,\"room\":\"room-a\",\"agent\":true,"
                + "\"canPublish\":false,\"canSubscribe\":true,\"canPublishData\":false,"
                + "\"canUpdateOwnMetadata\":false,\"canSubscribeMetrics\":true,\"hidden\":true}"));
    }

    @Test
    void should_omit_empty_strings_when_name_and_metadata_are_empty() throws Exception {
        // GIVEN an availability response without name and metadata (what the Node worker sends)
        // WHEN the token is minted
        JsonNode payload = payload(minter.mint("devkey", spec("", "", AgentPermissions.REGISTER_DEFAULTS), NOW));

        // THEN those claims are absent, like Go's omitempty
        assertThat(payload.has("name")).isFalse();
        assertThat(payload.has("metadata")).isFalse();
        assertThat(payload.get("video").has("hidden")).isFalse();
    }

    @Test
    void should_set_agent_name_attribute_when_the_worker_sent_another_value() throws Exception {
        // GIVEN attributes that already carry a different lk.agent_name
        AgentTokenSpec spec = new AgentTokenSpec("room-a", "stt-agent", "agent-AJ_1", "", "",
                Map.of("lk.agent_name", "spoofed", "k", "v"), null);

        // WHEN the token is minted
        JsonNode attributes = payload(minter.mint("devkey", spec, NOW)).get("attributes");

        // THEN the worker's registered agent name wins and other attributes stay
        assertThat(attributes).isEqualTo(JSON.readTree("{\"k\":\"v\",\"lk.agent_name\":\"stt-agent\"}"));
    }

    @Test
    void should_refuse_when_api_key_is_unknown() {
        // GIVEN / WHEN / THEN a key that is not configured cannot sign, and the error lists the known keys
        assertThatThrownBy(() -> minter.mint("nokey", spec("", "", null), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot sign an agent token with unknown API key 'nokey'; known keys: [devkey, workerkey]");
    }
}
