package dev.dispatchsim.benchmarks;

import dev.dispatchsim.testkit.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A blocking HTTP/1.1 caller for one load-generator thread: its own client and connection, so that
 * threads never queue behind each other in the generator. Tokens are signed as the Java SDK signs them.
 */
final class Twirp {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String key;
    private final String secret;

    Twirp(String baseUrl, String key, String secret) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.secret = secret;
    }

    String roomCreateToken() {
        return TestTokens.javaStyle(key, secret, Map.of("roomCreate", true), Instant.now());
    }

    String roomAdminToken(String room) {
        return TestTokens.javaStyle(key, secret, Map.of("roomAdmin", true, "room", room), Instant.now());
    }

    static String createRoomBody(String room) {
        return "{\"name\":\"" + room + "\"}";
    }

    static String createDispatchBody(String room, String agent) {
        return "{\"room\":\"" + room + "\",\"agent_name\":\"" + agent + "\"}";
    }

    /** POSTs a Twirp JSON call; returns the status, or -1 when the connection failed. */
    int post(String method, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/twirp/" + method))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request);
    }

    int get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private int send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException failed) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
