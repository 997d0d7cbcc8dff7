package dev.dispatchsim.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds JWTs byte for byte from literal header and payload JSON, so tests can shape tokens exactly
 * like the ones real SDKs send (java-jwt's builder would always add "typ").
 */
final class TestTokens {

    /** The key and secret the captured SDK traffic was signed with (captured from real clients). */
    static final String CAPTURE_KEY = "devkey";
    static final String CAPTURE_SECRET = "secretsecretsecretsecretsecret12";

    static final String NODE_HEADER = "{\"alg\":\"HS256\"}";
    static final String JAVA_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private TestTokens() {
    }

    static String sign(String headerJson, String payloadJson, String secret) {
        String signingInput = encode(headerJson) + "." + encode(payloadJson);
        return signingInput + "." + hmac(signingInput, secret);
    }

    static String unsigned(String headerJson, String payloadJson) {
        return encode(headerJson) + "." + encode(payloadJson) + ".";
    }

    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String payloadJson(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    static String headerJson(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private static String hmac(String input, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
