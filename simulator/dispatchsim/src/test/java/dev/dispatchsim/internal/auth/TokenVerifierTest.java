package dev.dispatchsim.internal.auth;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.dispatchsim.internal.auth.TestTokens.CAPTURE_KEY;
import static dev.dispatchsim.internal.auth.TestTokens.CAPTURE_SECRET;
import static dev.dispatchsim.internal.auth.TestTokens.JAVA_HEADER;
import static dev.dispatchsim.internal.auth.TestTokens.NODE_HEADER;
import static dev.dispatchsim.internal.auth.TestTokens.sign;
import static org.assertj.core.api.Assertions.assertThat;

class TokenVerifierTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    private static final long T = NOW.getEpochSecond();
    private static final ApiKeys KEYS = ApiKeys.of(CAPTURE_KEY, CAPTURE_SECRET);

    private final TokenVerifier verifier = new TokenVerifier(KEYS, () -> NOW);

    private static String nodeShaped(String video, long exp, long nbf) {
        return sign(NODE_HEADER, "{\"video\":" + video + ",\"iss\":\"devkey\",\"exp\":" + exp + ",\"nbf\":" + nbf + "}",
                CAPTURE_SECRET);
    }

    private static String javaShaped(String video, long exp) {
        return sign(JAVA_HEADER, "{\"iss\":\"devkey\",\"exp\":" + exp + ",\"video\":" + video + ",\"sip\":{}}",
                CAPTURE_SECRET);
    }

    private Claims authenticated(AuthResult result) {
        assertThat(result).isInstanceOf(AuthResult.Authenticated.class);
        return result.claimsOrNull();
    }

    @Test
    void should_accept_node_sdk_token_when_shaped_like_the_capture() {
        // GIVEN a token like livekit-server-sdk's: {"alg":"HS256"} without typ, nbf = now, exp = now + 10 min
        String token = nodeShaped("{\"roomCreate\":true}", T + 600, T);

        // WHEN it arrives as a Bearer header
        AuthResult result = verifier.verify("Bearer " + token, null);

        // THEN it is accepted with its claims
        Claims claims = authenticated(result);
        assertThat(claims.apiKey()).isEqualTo("devkey");
        assertThat(claims.video().roomCreate()).isTrue();
        assertThat(claims.expiresAt()).isEqualTo(Instant.ofEpochSecond(T + 600));
        assertThat(claims.notBefore()).isEqualTo(NOW);
        assertThat(claims.identity()).isEmpty();
    }

    @Test
    void should_accept_java_sdk_token_when_it_has_typ_no_nbf_and_empty_sip() {
        // GIVEN a token like io.livekit:livekit-server's: typ JWT, no nbf, "sip":{}, exp = now + 6 h
        String token = javaShaped("{\"roomAdmin\":true,\"room\":\"room-a\"}", T + 21_600);

        // WHEN it is verified
        AuthResult result = verifier.verify("Bearer " + token, null);

        // THEN it is accepted, with no notBefore
        Claims claims = authenticated(result);
        assertThat(claims.video().roomAdmin()).isTrue();
        assertThat(claims.video().room()).isEqualTo("room-a");
        assertThat(claims.notBefore()).isNull();
    }

    @Test
    void should_accept_captured_node_token_when_verified_at_capture_time() {
        // GIVEN the verifier's clock at the time the Node SDK sent its CreateRoom
        TokenVerifier atCapture = new TokenVerifier(KEYS, () -> CapturedTokens.NODE_NBF);

        // WHEN the captured tokens are verified
        Claims create = authenticated(atCapture.verify("Bearer " + CapturedTokens.NODE_ROOM_CREATE, null));
        Claims admin = authenticated(atCapture.verify("Bearer " + CapturedTokens.NODE_ROOM_ADMIN, null));

        // THEN they carry the grants seen on the wire
        assertThat(create.video().roomCreate()).isTrue();
        assertThat(create.expiresAt()).isEqualTo(CapturedTokens.NODE_EXP);
        assertThat(admin.video().roomAdmin()).isTrue();
        assertThat(admin.video().room()).isEqualTo("room-a");
    }

    @Test
    void should_accept_captured_java_tokens_when_verified_at_capture_time() {
        // GIVEN the verifier's clock at the time the Java SDK sent its requests
        TokenVerifier atCapture = new TokenVerifier(KEYS, () -> CapturedTokens.JAVA_SENT);

        // WHEN the captured tokens are verified
        Claims create = authenticated(atCapture.verify("Bearer " + CapturedTokens.JAVA_ROOM_CREATE, null));
        Claims list = authenticated(atCapture.verify("Bearer " + CapturedTokens.JAVA_ROOM_LIST, null));
        Claims admin = authenticated(atCapture.verify("Bearer " + CapturedTokens.JAVA_ROOM_ADMIN, null));

        // THEN each carries its grant and no nbf
        assertThat(create.video().roomCreate()).isTrue();
        assertThat(create.expiresAt()).isEqualTo(CapturedTokens.JAVA_EXP);
        assertThat(create.notBefore()).isNull();
        assertThat(list.video().roomList()).isTrue();
        assertThat(admin.video().roomAdmin()).isTrue();
        assertThat(admin.video().room()).isEqualTo("room-a");
    }

    @Test
    void should_accept_captured_worker_and_assignment_tokens_when_verified_at_capture_time() {
        // GIVEN the verifier's clock at the time of the agent-worker session
        TokenVerifier atCapture = new TokenVerifier(KEYS, () -> CapturedTokens.ASSIGNMENT_NBF);

        // WHEN the worker's /agent token and the JobAssignment token are verified
        Claims worker = authenticated(atCapture.verify("Bearer " + CapturedTokens.NODE_WORKER, null));
        Claims agent = authenticated(atCapture.verify("Bearer " + CapturedTokens.ASSIGNMENT, null));

        // THEN the worker token grants video.agent and the assignment token is a room-join for the agent
        assertThat(worker.video().agent()).isTrue();
        assertThat(worker.notBefore()).isEqualTo(CapturedTokens.NODE_WORKER_NBF);
        assertThat(agent.identity()).isEqualTo("agent-AJ_fake1");
        assertThat(agent.kind()).isEqualTo("agent");
        assertThat(agent.video().roomJoin()).isTrue();
        assertThat(agent.video().room()).isEqualTo("room-a");
        assertThat(agent.video().agent()).isTrue();
        assertThat(agent.video().canUpdateOwnMetadata()).isTrue();
        assertThat(agent.video().canSubscribeMetrics()).isNull();
    }

    @Test
    void should_read_token_from_access_token_param_when_header_is_absent() {
        // GIVEN a valid token passed only as ?access_token=
        String token = nodeShaped("{\"roomList\":true}", T + 600, T);

        // WHEN there is no Authorization header, or an empty one
        AuthResult absent = verifier.verify(null, token);
        AuthResult empty = verifier.verify("", token);

        // THEN the parameter is used
        assertThat(authenticated(absent).video().roomList()).isTrue();
        assertThat(authenticated(empty).video().roomList()).isTrue();
    }

    @Test
    void should_ignore_access_token_param_when_header_is_present() {
        // GIVEN a bad header and a good access_token parameter
        String token = nodeShaped("{\"roomList\":true}", T + 600, T);

        // WHEN both are given
        AuthResult result = verifier.verify("Token " + token, token);

        // THEN the header wins and is refused, as on the real server
        assertThat(result).isEqualTo(new AuthResult.Rejected("invalid authorization header. Must start with Bearer "));
    }

    @Test
    void should_return_no_token_when_neither_header_nor_param_is_given() {
        // GIVEN / WHEN a request without credentials, or with "Bearer " and nothing after it
        AuthResult none = verifier.verify(null, null);
        AuthResult emptyParam = verifier.verify(null, "");
        AuthResult emptyBearer = verifier.verify("Bearer ", null);

        // THEN the middleware lets it through without claims (handlers deny it later)
        assertThat(none).isEqualTo(new AuthResult.NoToken());
        assertThat(emptyParam).isEqualTo(new AuthResult.NoToken());
        assertThat(emptyBearer).isEqualTo(new AuthResult.NoToken());
        assertThat(none.claimsOrNull()).isNull();
    }

    @Test
    void should_reject_header_when_it_does_not_start_with_bearer() {
        // GIVEN headers without the exact, case-sensitive "Bearer " prefix
        String token = nodeShaped("{\"roomList\":true}", T + 600, T);

        // WHEN they are verified
        // THEN the real server's plain-text message comes back
        AuthResult.Rejected expected = new AuthResult.Rejected("invalid authorization header. Must start with Bearer ");
        assertThat(verifier.verify(token, null)).isEqualTo(expected);
        assertThat(verifier.verify("bearer " + token, null)).isEqualTo(expected);
        assertThat(verifier.verify("Bearer", null)).isEqualTo(expected);
    }

    @Test
    void should_reject_with_bare_message_when_token_cannot_be_parsed() {
        // GIVEN tokens that are not JWTs, have a broken payload, no alg, an unknown alg, or a non-string iss
        String noAlg = sign("{\"typ\":\"JWT\"}", "{\"iss\":\"devkey\",\"exp\":" + (T + 60) + "}", CAPTURE_SECRET);
        String unknownAlg = sign("{\"alg\":\"XX999\"}", "{\"iss\":\"devkey\",\"exp\":" + (T + 60) + "}", CAPTURE_SECRET);
        String numericIss = sign(NODE_HEADER, "{\"iss\":42,\"exp\":" + (T + 60) + "}", CAPTURE_SECRET);
        String textExp = sign(NODE_HEADER, "{\"iss\":\"devkey\",\"exp\":\"soon\"}", CAPTURE_SECRET);
        String notJson = TestTokens.encode(NODE_HEADER) + "." + TestTokens.encode("not json") + ".c2ln";

        // WHEN they are verified
        // THEN each gets "invalid authorization token" with nothing after it
        AuthResult.Rejected expected = new AuthResult.Rejected("invalid authorization token");
        assertThat(verifier.verify("Bearer not-a-jwt", null)).isEqualTo(expected);
        assertThat(verifier.verify("Bearer a.b", null)).isEqualTo(expected);
        assertThat(verifier.verify("Bearer " + notJson, null)).isEqualTo(expected);
        assertThat(verifier.verify("Bearer " + noAlg, null)).isEqualTo(expected);
        assertThat(verifier.verify("Bearer " + unknownAlg, null)).isEqualTo(expected);
        assertThat(verifier.verify("Bearer " + numericIss, null)).isEqualTo(expected);
        assertThat(verifier.verify("Bearer " + textExp, null)).isEqualTo(expected);
    }

    @Test
    void should_reject_api_key_when_issuer_is_unknown_or_missing() {
        // GIVEN tokens issued by a key the simulator does not know, and by no key at all
        String unknown = sign(NODE_HEADER, "{\"iss\":\"otherkey\",\"exp\":" + (T + 60) + "}", CAPTURE_SECRET);
        String missing = sign(NODE_HEADER, "{\"exp\":" + (T + 60) + "}", CAPTURE_SECRET);

        // WHEN they are verified
        // THEN "invalid API key"
        assertThat(verifier.verify("Bearer " + unknown, null)).isEqualTo(new AuthResult.Rejected("invalid API key"));
        assertThat(verifier.verify("Bearer " + missing, null)).isEqualTo(new AuthResult.Rejected("invalid API key"));
    }

    @Test
    void should_reject_signature_when_signed_with_another_secret() {
        // GIVEN the captured Node token, but a simulator configured with the dev defaults (devkey/secret)
        TokenVerifier devDefaults = new TokenVerifier(ApiKeys.defaults(), () -> CapturedTokens.NODE_NBF);

        // WHEN it is verified
        AuthResult result = devDefaults.verify("Bearer " + CapturedTokens.NODE_ROOM_CREATE, null);

        // THEN the signature is refused
        assertThat(result).isEqualTo(new AuthResult.Rejected(
                "invalid authorization token: token signature is invalid: signature is invalid"));
    }

    @Test
    void should_reject_signing_method_when_alg_is_not_hs256() {
        // GIVEN tokens claiming HS512 and none
        String hs512 = sign("{\"alg\":\"HS512\"}", "{\"iss\":\"devkey\",\"exp\":" + (T + 60) + "}", CAPTURE_SECRET);
        String none = TestTokens.unsigned("{\"alg\":\"none\"}", "{\"iss\":\"devkey\",\"exp\":" + (T + 60) + "}");

        // WHEN they are verified
        // THEN only HS256 is allowed
        assertThat(verifier.verify("Bearer " + hs512, null)).isEqualTo(new AuthResult.Rejected(
                "invalid authorization token: token signature is invalid: signing method HS512 is invalid"));
        assertThat(verifier.verify("Bearer " + none, null)).isEqualTo(new AuthResult.Rejected(
                "invalid authorization token: token signature is invalid: signing method none is invalid"));
    }

    @Test
    void should_reject_expired_token_when_past_exp_plus_leeway() {
        // GIVEN a token whose exp is 60 s (the leeway) in the past, and one 59 s in the past
        String expired = nodeShaped("{\"roomList\":true}", T - 60, T - 600);
        String withinLeeway = nodeShaped("{\"roomList\":true}", T - 59, T - 600);

        // WHEN they are verified
        AuthResult refused = verifier.verify("Bearer " + expired, null);
        AuthResult accepted = verifier.verify("Bearer " + withinLeeway, null);

        // THEN the first is expired, the second still accepted
        assertThat(refused).isEqualTo(new AuthResult.Rejected(
                "invalid authorization token: token has invalid claims: token is expired"));
        assertThat(accepted).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void should_reject_token_when_exp_is_missing() {
        // GIVEN an otherwise valid token without exp (older servers accepted these; 1.13 does not)
        String token = sign(NODE_HEADER, "{\"video\":{\"roomList\":true},\"iss\":\"devkey\",\"nbf\":" + T + "}",
                CAPTURE_SECRET);

        // WHEN it is verified
        AuthResult result = verifier.verify("Bearer " + token, null);

        // THEN exp is required
        assertThat(result).isEqualTo(new AuthResult.Rejected("invalid authorization token: "
                + "token has invalid claims: token is missing required claim: exp claim is required"));
    }

    @Test
    void should_reject_token_when_nbf_is_beyond_leeway_in_the_future() {
        // GIVEN a token valid from 61 s from now, and one valid from 60 s from now
        String notYet = nodeShaped("{\"roomList\":true}", T + 600, T + 61);
        String withinLeeway = nodeShaped("{\"roomList\":true}", T + 600, T + 60);

        // WHEN they are verified
        // THEN the first is not valid yet, the second is accepted
        assertThat(verifier.verify("Bearer " + notYet, null)).isEqualTo(new AuthResult.Rejected(
                "invalid authorization token: token has invalid claims: token is not valid yet"));
        assertThat(verifier.verify("Bearer " + withinLeeway, null)).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void should_list_every_lifetime_problem_when_exp_and_nbf_both_fail() {
        // GIVEN a token that expired and whose nbf is still in the future
        String token = nodeShaped("{\"roomList\":true}", T - 120, T + 120);

        // WHEN it is verified
        // THEN both problems are joined the way golang-jwt joins them
        assertThat(verifier.verify("Bearer " + token, null)).isEqualTo(new AuthResult.Rejected(
                "invalid authorization token: token has invalid claims: token is expired, token is not valid yet"));
    }

    @Test
    void should_check_signature_before_lifetime_when_token_is_both_forged_and_expired() {
        // GIVEN an expired token signed with the wrong secret
        String token = sign(NODE_HEADER, "{\"iss\":\"devkey\",\"exp\":" + (T - 3600) + "}", "wrong");

        // WHEN it is verified
        // THEN the signature error is reported, as golang-jwt checks it first
        assertThat(verifier.verify("Bearer " + token, null)).isEqualTo(new AuthResult.Rejected(
                "invalid authorization token: token signature is invalid: signature is invalid"));
    }

    @Test
    void should_not_check_iat_when_it_is_in_the_future() {
        // GIVEN a token issued an hour from now (LiveKit does not enable golang-jwt's iat check)
        String token = sign(NODE_HEADER, "{\"iss\":\"devkey\",\"exp\":" + (T + 7200) + ",\"iat\":" + (T + 3600) + "}",
                CAPTURE_SECRET);

        // WHEN / THEN it is accepted
        assertThat(verifier.verify("Bearer " + token, null)).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void should_follow_the_verifier_clock_when_time_moves() {
        // GIVEN a verifier whose clock is a mutable test instant
        Instant[] clock = {NOW};
        TokenVerifier moving = new TokenVerifier(KEYS, () -> clock[0]);
        String token = nodeShaped("{\"roomList\":true}", T + 600, T);

        // WHEN the clock passes exp + leeway
        AuthResult before = moving.verify("Bearer " + token, null);
        clock[0] = NOW.plusSeconds(660);
        AuthResult after = moving.verify("Bearer " + token, null);

        // THEN the same token goes from accepted to expired
        assertThat(before).isInstanceOf(AuthResult.Authenticated.class);
        assertThat(after).isEqualTo(new AuthResult.Rejected(
                "invalid authorization token: token has invalid claims: token is expired"));
    }
    @Test
    void should_accept_a_token_checked_before_only_once_its_nbf_is_reached() {
        // GIVEN a token valid from two minutes after NOW (one with the leeway), first seen before that
        Instant[] clock = {NOW};
        TokenVerifier moving = new TokenVerifier(KEYS, () -> clock[0]);
        String token = nodeShaped("{\"roomList\":true}", T + 600, T + 120);
        AuthResult early = moving.verify("Bearer " + token, null);

        // WHEN the same token comes again after its nbf
        clock[0] = NOW.plusSeconds(61);
        AuthResult later = moving.verify("Bearer " + token, null);

        // THEN the remembered signature does not carry the earlier answer: the lifetime is checked each time
        assertThat(early).isEqualTo(new AuthResult.Rejected(
                "invalid authorization token: token has invalid claims: token is not valid yet"));
        assertThat(later).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void should_refuse_a_token_differing_from_a_remembered_one_in_one_signature_character() {
        // GIVEN a valid token that has been verified (and remembered)
        String token = nodeShaped("{\"roomList\":true}", T + 600, T);
        assertThat(verifier.verify("Bearer " + token, null)).isInstanceOf(AuthResult.Authenticated.class);

        // WHEN one character of its signature is changed (not the last: that one also carries padding bits)
        int at = token.length() - 10;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

        // THEN the forged token is checked in full and refused
        assertThat(verifier.verify("Bearer " + forged, null)).isEqualTo(new AuthResult.Rejected(
                "invalid authorization token: token signature is invalid: signature is invalid"));
    }

    @Test
    void should_remember_a_bounded_number_of_verified_tokens() {
        // GIVEN more distinct valid tokens than the verifier remembers
        int tokens = VerifiedTokens.MAX_ENTRIES + 50;

        // WHEN each is verified
        for (int i = 0; i < tokens; i++) {
            assertThat(verifier.verify("Bearer " + nodeShaped("{\"roomList\":true}", T + 600 + i, T), null))
                    .isInstanceOf(AuthResult.Authenticated.class);
        }

        // THEN the memory of them stays within its bound
        assertThat(verifier.rememberedTokens()).isBetween(1, VerifiedTokens.MAX_ENTRIES);
    }
}
