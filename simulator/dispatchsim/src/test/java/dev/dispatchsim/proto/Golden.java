package dev.dispatchsim.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.TextFormat;
import com.google.protobuf.util.JsonFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** Small helpers for the golden tests: hex, proto3 JSON both ways, and JSON trees for comparison. */
final class Golden {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(Message message) {
        return HexFormat.of().formatHex(message.toByteArray());
    }

    /** Parses like the real server (and the Node SDK): both name styles, unknown fields ignored. */
    static <B extends Message.Builder> B parseJson(String json, B builder) {
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(json, builder);
            return builder;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("cannot parse " + json, e);
        }
    }

    /** proto3 JSON with camelCase names and default values omitted (what protobuf-es toJson() writes). */
    static JsonNode compactJson(MessageOrBuilder message) {
        return tree(print(JsonFormat.printer(), message));
    }

    /** proto3 JSON with camelCase names and every default written (protobuf-es with emitDefaultValues). */
    static JsonNode fullJson(MessageOrBuilder message) {
        return tree(print(JsonFormat.printer().alwaysPrintFieldsWithNoPresence(), message));
    }

    /** proto3 JSON with the proto (snake_case) names and every default, like livekit-server's Twirp JSON. */
    static JsonNode twirpJson(MessageOrBuilder message) {
        return tree(print(JsonFormat.printer().preservingProtoFieldNames().alwaysPrintFieldsWithNoPresence(), message));
    }

    /** protobuf-java's text format on one line, as the capture tool logged the Java SDK's results. */
    static String textOnOneLine(MessageOrBuilder message) {
        return TextFormat.printer().printToString(message).replace('\n', ' ');
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String print(JsonFormat.Printer printer, MessageOrBuilder message) {
        try {
            return printer.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
