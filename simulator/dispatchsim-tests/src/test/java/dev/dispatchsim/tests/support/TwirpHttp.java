package dev.dispatchsim.tests.support;

import com.google.protobuf.Message;
import dev.dispatchsim.internal.clock.WallClock;
import dev.dispatchsim.testkit.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Raw Twirp calls over a real socket. {@link #json} is shaped exactly like the Node SDK's captures
 * (camelCase JSON, {@code application/json;charset=UTF-8}, Node-style JWT); {@link #proto} like the
 * Java SDK's (binary protobuf, Java-style JWT); {@link #request} sends anything at all.
 */
public final class TwirpHttp {

    public static final String NODE_CONTENT_TYPE = "application/json;charset=UTF-8";
    public static final String PROTOBUF = "application/protobuf";

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
        return post(serviceMethod, NODE_CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8), nodeBearer(video));
    }

    /** A binary protobuf call with a Java-SDK-style token; the answer is decoded with {@code responseType}. */
    public <T extends Message> T proto(String serviceMethod, Message request, Map<String, Object> video, T responseType) {
        HttpResponse<byte[]> response = postBytes(serviceMethod, PROTOBUF, request.toByteArray(), javaBearer(video));
        if (response.statusCode() != 200) {
            throw new AssertionError(serviceMethod + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            @SuppressWarnings("unchecked")
            T parsed = (T) responseType.getParserForType().parseFrom(response.body());
            return parsed;
        } catch (IOException undecodable) {
            throw new AssertionError(serviceMethod + " answered an undecodable body", undecodable);
        }
    }

    public String nodeBearer(Map<String, Object> video) {
        return "Bearer " + TestTokens.nodeStyle(key, secret, video, WallClock.now());
    }

    public String javaBearer(Map<String, Object> video) {
        return "Bearer " + TestTokens.javaStyle(key, secret, video, WallClock.now());
    }

    public HttpResponse<String> post(String serviceMethod, String contentType, byte[] body, String authorization) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return request("POST", "/twirp/" + serviceMethod, headers, HttpRequest.BodyPublishers.ofByteArray(body));
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

    /** Any method, any path (relative to the base URL, e.g. {@code //twirp/...}), any headers. */
    public HttpResponse<String> request(String method, String path, Map<String, String> headers,
                                        HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body);
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A body sent chunked, with no Content-Length, like a streaming client. */
    public static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
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
