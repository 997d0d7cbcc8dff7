package dev.dispatchsim.tests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on what came back over the wire: status, the exact Content-Type, and the body. */
public final class TwirpAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TwirpAnswers() {
    }

    /** A 200 JSON answer, parsed; fails with the body when it is anything else. */
    public static JsonNode okJson(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(200);
        assertThat(contentType(response)).isEqualTo("application/json");
        return tree(response.body());
    }

    /** A Twirp error: the status, Content-Type exactly application/json, and the {code,msg} document. */
    public static JsonNode twirpError(HttpResponse<String> response, int status, String code, String msg) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(contentType(response)).isEqualTo("application/json");
        JsonNode body = tree(response.body());
        assertThat(body.path("code").asText()).as("code in %s", response.body()).isEqualTo(code);
        assertThat(body.path("msg").asText()).as("msg in %s", response.body()).isEqualTo(msg);
        return body;
    }

    /** The auth middleware's or body limit's plain-text answer, exactly as Go's net/http labels it. */
    public static void plainText(HttpResponse<String> response, int status, String text) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(contentType(response)).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.body()).isEqualTo(text);
    }

    public static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("<none>");
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
