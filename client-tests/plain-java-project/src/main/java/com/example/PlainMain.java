package com.example;

import dev.dispatchsim.LiveKitSimulator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Starts the simulator from a main, makes one real Twirp call with a token, prints the answer and the
 * journal's last entry, and closes it. Exits 1 when a test framework came along with the simulator.
 */
public final class PlainMain {

    private PlainMain() {
    }

    public static void main(String[] args) throws Exception {
        for (String testClass : List.of("org.junit.jupiter.api.Test", "org.assertj.core.api.Assertions")) {
            if (onClasspath(testClass)) {
                System.err.println("plain-app: " + testClass + " is on the classpath; dispatchsim alone must not bring it");
                System.exit(1);
            }
        }
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(42).start()) {
            HttpRequest createRoom = HttpRequest.newBuilder(URI.create(sim.httpUrl() + "/twirp/livekit.RoomService/CreateRoom"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token(sim.apiKey(), sim.apiSecret()))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"plain-room\"}"))
                    .build();
            HttpResponse<String> created = HttpClient.newHttpClient().send(createRoom, HttpResponse.BodyHandlers.ofString());
            System.out.println("plain-app: CreateRoom answered " + created.statusCode() + ": " + created.body());
            System.out.println("plain-app: the journal's last entry: " + sim.journal().tail(1).get(0).event());
            if (created.statusCode() != 200) {
                System.exit(1);
            }
        }
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, PlainMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    /** An HS256 access token with the roomCreate grant, as any LiveKit server SDK makes one. */
    private static String token(String apiKey, String apiSecret) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"" + apiKey + "\",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + ",\"video\":{\"roomCreate\":true}}")
                .getBytes(StandardCharsets.UTF_8));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = base64.encodeToString(hmac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
        return header + "." + claims + "." + signature;
    }
}
