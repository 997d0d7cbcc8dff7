package dev.dispatchsim.support;

import dev.dispatchsim.clock.WallClock;
import dev.dispatchsim.testkit.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Raw Twirp calls shaped exactly like the Node SDK's captures: camelCase JSON, charset in Content-Type, Node-style JWT. */
public final class TwirpHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String key;
    private final String secret;

    public TwirpHttp(String baseUrl, String key, String secret) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.secret = secret;
    }

    public HttpResponse<String> json(String serviceMethod, String body, Map<String, Object> video) {
        return post(serviceMethod, "application/json;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8),
                "Bearer " + TestTokens.nodeStyle(key, secret, video, WallClock.now()));
    }

    public HttpResponse<String> post(String serviceMethod, String contentType, byte[] body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/twirp/" + serviceMethod))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public HttpResponse<byte[]> postBytes(String serviceMethod, String contentType, byte[] body, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/twirp/" + serviceMethod))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException failure) {
            throw new AssertionError("request failed: " + failure, failure);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failure) {
            throw new AssertionError("request failed: " + failure, failure);
        }
    }

    public static Map<String, Object> roomCreate() {
        return Map.of("roomCreate", true);
    }

    public static Map<String, Object> roomList() {
        return Map.of("roomList", true);
    }

    public static Map<String, Object> roomAdmin(String room) {
        return Map.of("roomAdmin", true, "room", room);
    }
}
