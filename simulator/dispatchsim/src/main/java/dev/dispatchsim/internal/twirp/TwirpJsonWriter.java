package dev.dispatchsim.internal.twirp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * Twirp JSON in one pass, straight from the message to bytes, in the real server's format (Go's protojson
 * with {@code UseProtoNames} and {@code EmitUnpopulated}): fields in declaration order with their proto
 * names, defaults written, an unset singular message as {@code null} (a oneof member, including a proto3
 * {@code optional} field, left out), 64-bit integers as strings, enums by name, bytes as padded base64.
 *
 * <p>It writes exactly what the earlier three passes wrote (JsonFormat print, a Jackson tree, the nulls
 * put back, the tree written): TwirpJsonWriterTest compares the two byte for byte. Well-known types
 * (Timestamp, Struct, ...) are not in the protocol's messages and are refused rather than guessed.
 */
final class TwirpJsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** Floating-point numbers go through the same tree as before, so their text stays exactly as it was. */
    private static final ObjectMapper NUMBERS = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private TwirpJsonWriter() {
    }

    static byte[] write(Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            writeMessage(json, message);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    private static void writeMessage(JsonGenerator json, Message message) throws IOException {
        String type = message.getDescriptorForType().getFullName();
        if (type.startsWith("google.protobuf.")) {
            throw new IllegalStateException("well-known type " + type + " has its own JSON form, not written here");
        }
        json.writeStartObject();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            writeField(json, message, field);
        }
        json.writeEndObject();
    }

    private static void writeField(JsonGenerator json, Message message, FieldDescriptor field) throws IOException {
        if (field.isMapField()) {
            json.writeFieldName(field.getName());
            writeMap(json, (List<?>) message.getField(field));
        } else if (field.isRepeated()) {
            json.writeFieldName(field.getName());
            json.writeStartArray();
            for (Object item : (List<?>) message.getField(field)) {
                writeValue(json, field, item);
            }
            json.writeEndArray();
        } else if (field.hasPresence()) {
            if (message.hasField(field)) {
                json.writeFieldName(field.getName());
                writeValue(json, field, message.getField(field));
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && field.getContainingOneof() == null) {
                json.writeFieldName(field.getName());
                json.writeNull(); // Go's EmitUnpopulated; protobuf-java's JsonFormat would leave it out
            }
        } else {
            json.writeFieldName(field.getName());
            writeValue(json, field, message.getField(field));
        }
    }

    private static void writeMap(JsonGenerator json, List<?> entries) throws IOException {
        json.writeStartObject();
        for (Object item : entries) {
            Message entry = (Message) item;
            FieldDescriptor keyField = entry.getDescriptorForType().findFieldByNumber(1);
            FieldDescriptor valueField = entry.getDescriptorForType().findFieldByNumber(2);
            json.writeFieldName(mapKey(keyField, entry.getField(keyField)));
            writeValue(json, valueField, entry.getField(valueField));
        }
        json.writeEndObject();
    }

    private static String mapKey(FieldDescriptor field, Object key) {
        return switch (field.getType()) {
            case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) key);
            case UINT64, FIXED64 -> Long.toUnsignedString((Long) key);
            default -> String.valueOf(key);
        };
    }

    private static void writeValue(JsonGenerator json, FieldDescriptor field, Object value) throws IOException {
        switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> json.writeNumber((Integer) value);
            case UINT32, FIXED32 -> json.writeNumber(Integer.toUnsignedLong((Integer) value));
            case INT64, SINT64, SFIXED64 -> json.writeString(Long.toString((Long) value));
            case UINT64, FIXED64 -> json.writeString(Long.toUnsignedString((Long) value));
            case BOOL -> json.writeBoolean((Boolean) value);
            case FLOAT -> writeFloating(json, (Float) value, Float.isNaN((Float) value) || Float.isInfinite((Float) value));
            case DOUBLE -> writeFloating(json, (Double) value, Double.isNaN((Double) value) || Double.isInfinite((Double) value));
            case STRING -> json.writeString((String) value);
            case BYTES -> json.writeString(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case ENUM -> writeEnum(json, (EnumValueDescriptor) value);
            case MESSAGE, GROUP -> writeMessage(json, (Message) value);
        }
    }

    private static void writeEnum(JsonGenerator json, EnumValueDescriptor value) throws IOException {
        if (value.getType().getFullName().equals("google.protobuf.NullValue")) {
            json.writeNull();
        } else if (value.getIndex() == -1) {
            json.writeNumber(value.getNumber()); // a number this build does not know: written as the number
        } else {
            json.writeString(value.getName());
        }
    }

    /** NaN and the infinities as strings, as protojson; other values with the text the earlier tree gave them. */
    private static void writeFloating(JsonGenerator json, Number value, boolean special) throws IOException {
        if (special) {
            json.writeString(value.toString());
        } else {
            NUMBERS.writeTree(json, NUMBERS.readTree(value.toString()));
        }
    }
}
