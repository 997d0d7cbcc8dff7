package dev.dispatchsim.tests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Raw admin HTTP calls, as a curl user or another language would make them. A change sent without a type
 * gets {@code application/json}, as every admin client sends it (the server refuses an untyped change).
 */
public final class RawAdminHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public RawAdminHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> call(String method, String pathAndQuery) {
        return call(method, pathAndQuery, null, null, null);
    }

    public HttpResponse<String> call(String method, String pathAndQuery, String body, String contentType, String[] headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(15))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        } else if (!method.equals("GET")) {
            request.header("Content-Type", "application/json");
        }
        if (headers != null) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failure) {
            throw new AssertionError(method + " " + pathAndQuery + " failed: " + failure, failure);
        }
    }

    public HttpResponse<String> withHeaders(String method, String pathAndQuery, String... headers) {
        return call(method, pathAndQuery, null, null, headers);
    }

    public HttpResponse<String> json(String method, String pathAndQuery, String body) {
        return call(method, pathAndQuery, body, "application/json", null);
    }
}
