package dev.dispatchsim.twirp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dispatchsim.model.ApiException;
import dev.dispatchsim.model.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP answer to a Twirp call. Errors are always JSON with Content-Type exactly
 * {@code application/json}: the Node SDK compares the header string and loses the code otherwise.
 */
public record TwirpResponse(int status, String contentType, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static TwirpResponse ok(byte[] body, WireFormat format) {
        return new TwirpResponse(200, format.contentType(), body);
    }

    public static TwirpResponse error(ErrorCode code, String msg, Map<String, String> meta) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", code.wireName());
        node.put("msg", msg);
        if (!meta.isEmpty()) {
            ObjectNode metaNode = node.putObject("meta");
            meta.forEach(metaNode::put);
        }
        return new TwirpResponse(code.httpStatus(), "application/json", node.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static TwirpResponse error(ApiException failure) {
        return error(failure.code(), failure.getMessage(), failure.meta());
    }

    /** "ok", the Twirp code of an error, or "http_NNN" for a plain-text answer: what the journal records. */
    public String code() {
        if (status == 200) {
            return "ok";
        }
        if (contentType.equals("application/json")) {
            try {
                return JSON.readTree(body).path("code").asText("http_" + status);
            } catch (java.io.IOException unreadable) {
                return "http_" + status;
            }
        }
        return "http_" + status;
    }

    /** A plain-text answer from before Twirp (auth middleware, body limit), as the real server sends. */
    public static TwirpResponse plain(int status, String text) {
        return new TwirpResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
}
