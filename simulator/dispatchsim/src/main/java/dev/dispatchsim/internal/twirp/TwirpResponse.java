package dev.dispatchsim.internal.twirp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import dev.dispatchsim.internal.model.ApiException;
import dev.dispatchsim.model.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP answer to a Twirp call. Errors are always JSON with Content-Type exactly
 * {@code application/json}: the Node SDK compares the header string and loses the code otherwise.
 *
 * <p>A success holds the engine's immutable answer and encodes it only when {@link #body()} is first
 * asked for: the engine thread makes the answer and journals the call, the transport's thread that
 * writes the answer to the socket encodes it (issue 12: encoding took most of the engine thread).
 */
public final class TwirpResponse {

    /** What Go's net/http sniffs for the real server's plain-text error bodies. */
    public static final String PLAIN_TEXT = "text/plain; charset=utf-8";
    public static final String ERROR_JSON = "application/json";

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new GoJsonEscapes());
    }

    private final int status;
    private final String contentType;
    /** Set for a success until it is encoded; guarded by this. */
    private Message message;
    private WireFormat format;
    private byte[] body;

    public TwirpResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    private TwirpResponse(Message message, WireFormat format) {
        this.status = 200;
        this.contentType = format.contentType();
        this.message = message;
        this.format = format;
    }

    public static TwirpResponse ok(byte[] body, WireFormat format) {
        return new TwirpResponse(200, format.contentType(), body);
    }

    /** A success whose body is encoded later, by whoever first asks for it (the thread writing the answer). */
    public static TwirpResponse ok(Message message, WireFormat format) {
        return new TwirpResponse(message, format);
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The body as sent; a success is encoded here the first time (once, whichever thread asks). */
    public synchronized byte[] body() {
        if (body == null) {
            body = TwirpCodec.encode(message, format);
            message = null;
            format = null;
        }
        return body;
    }

    /** Twirp's error document {@code {"code","msg","meta"}}, meta left out when empty, as Go's encoding/json writes it. */
    public static TwirpResponse error(ErrorCode code, String msg, Map<String, String> meta) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", code.wireName());
        node.put("msg", msg);
        if (!meta.isEmpty()) {
            ObjectNode metaNode = node.putObject("meta");
            new TreeMap<>(meta).forEach(metaNode::put); // encoding/json sorts map keys
        }
        try {
            return new TwirpResponse(code.httpStatus(), ERROR_JSON, JSON.writeValueAsBytes(node));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
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
                return JSON.readTree(body()).path("code").asText("http_" + status);
            } catch (java.io.IOException unreadable) {
                return "http_" + status;
            }
        }
        return "http_" + status;
    }

    /** What the client is told went wrong: a Twirp error's {@code msg}, a plain answer's text; "" for a 200. */
    public String errorMessage() {
        if (status == 200) {
            return "";
        }
        byte[] body = body();
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType.equals(ERROR_JSON)) {
            try {
                return JSON.readTree(body).path("msg").asText(text);
            } catch (java.io.IOException unreadable) {
                return text;
            }
        }
        return text;
    }

    /** A plain-text answer from before Twirp (auth middleware, body limit), as the real server sends. */
    public static TwirpResponse plain(int status, String text) {
        return new TwirpResponse(status, PLAIN_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Go's encoding/json escapes {@code <}, {@code >} and {@code &} in strings (HTML-safe output). */
    private static final class GoJsonEscapes extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        GoJsonEscapes() {
            escapes['<'] = ESCAPE_CUSTOM;
            escapes['>'] = ESCAPE_CUSTOM;
            escapes['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format("\\u%04x", ch)); // lower-case hex, as Go writes it
        }
    }
}
