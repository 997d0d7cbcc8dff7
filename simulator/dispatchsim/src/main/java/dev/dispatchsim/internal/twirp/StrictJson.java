package dev.dispatchsim.internal.twirp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * What Go's protojson (livekit-server's JSON decoder) refuses and protobuf-java's JsonFormat lets through:
 * a value of the wrong JSON type ({@code {"name":5}}, {@code "sync_streams":"true"}), a field given twice
 * (also once under each of its two names), two members of one oneof, and a null inside a list or map.
 * Measured on livekit-server 1.13.5, each is 400 malformed. No library checks this for Java, so this walks
 * the tokens against the message descriptor before JsonFormat reads the values. Unknown fields are skipped
 * unchecked, duplicates included, as protojson with DiscardUnknown does.
 */
final class StrictJson {

    private static final JsonFactory JSON = new JsonFactory();

    private StrictJson() {
    }

    static void check(String text, Descriptor type) throws InvalidProtocolBufferException {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("a " + type.getName() + " must be a JSON object");
            }
            message(parser, type);
        } catch (IOException notJson) {
            throw invalid(notJson.getMessage());
        }
    }

    /** The parser is on the object's START_OBJECT; leaves it on its END_OBJECT. */
    private static void message(JsonParser parser, Descriptor type) throws IOException {
        Set<Integer> seen = new HashSet<>();
        Set<OneofDescriptor> oneofs = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            FieldDescriptor field = field(type, name);
            JsonToken value = parser.nextToken();
            if (field == null) {
                parser.skipChildren();
                continue;
            }
            if (!seen.add(field.getNumber())) {
                throw invalid("duplicate field " + name);
            }
            if (value == JsonToken.VALUE_NULL) {
                continue; // null is the default value
            }
            OneofDescriptor oneof = field.getRealContainingOneof();
            if (oneof != null && !oneofs.add(oneof)) {
                throw invalid("oneof " + oneof.getName() + " is already set");
            }
            if (field.isMapField()) {
                map(parser, field);
            } else if (field.isRepeated()) {
                list(parser, field);
            } else {
                single(parser, field, value);
            }
        }
    }

    private static void list(JsonParser parser, FieldDescriptor field) throws IOException {
        expect(parser.currentToken() == JsonToken.START_ARRAY, field);
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            single(parser, field, element);
        }
    }

    private static void map(JsonParser parser, FieldDescriptor field) throws IOException {
        expect(parser.currentToken() == JsonToken.START_OBJECT, field);
        FieldDescriptor value = field.getMessageType().findFieldByName("value");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            single(parser, value, parser.nextToken());
        }
    }

    /** One value of the field's type (never null here: null is only the default of a field itself). */
    private static void single(JsonParser parser, FieldDescriptor field, JsonToken token) throws IOException {
        boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        boolean string = token == JsonToken.VALUE_STRING;
        switch (field.getJavaType()) {
            case STRING, BYTE_STRING -> expect(string, field);
            case BOOLEAN -> expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE, field);
            case INT, LONG, FLOAT, DOUBLE -> expect(number || string, field); // numbers may be quoted
            case ENUM -> expect(string || token == JsonToken.VALUE_NUMBER_INT, field);
            case MESSAGE -> {
                expect(token == JsonToken.START_OBJECT, field);
                message(parser, field.getMessageType());
            }
        }
    }

    /** protojson accepts the JSON name (lowerCamelCase) and the proto name (snake_case). */
    private static FieldDescriptor field(Descriptor type, String name) {
        FieldDescriptor byProtoName = type.findFieldByName(name);
        if (byProtoName != null) {
            return byProtoName;
        }
        return type.getFields().stream().filter(f -> f.getJsonName().equals(name)).findFirst().orElse(null);
    }

    private static void expect(boolean ok, FieldDescriptor field) throws InvalidProtocolBufferException {
        if (!ok) {
            throw invalid("invalid value for " + field.getJavaType().name().toLowerCase(java.util.Locale.ROOT) + " field " + field.getName());
        }
    }

    private static InvalidProtocolBufferException invalid(String why) {
        return new InvalidProtocolBufferException(why);
    }
}
