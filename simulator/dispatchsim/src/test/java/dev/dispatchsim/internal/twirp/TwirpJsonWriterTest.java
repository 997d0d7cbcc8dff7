package dev.dispatchsim.internal.twirp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.dispatchsim.proto.AgentDispatch;
import dev.dispatchsim.proto.Room;
import dev.dispatchsim.proto.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass writer must answer byte for byte what the three passes answered before it (JsonFormat
 * print, a Jackson tree, the nulls put back, the tree written), for every message of the protocol,
 * empty and filled with seeded values: awkward text, extreme numbers, unknown enum numbers, maps,
 * nested and repeated messages, set and unset optional and oneof fields.
 */
class TwirpJsonWriterTest {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer()
            .preservingProtoFieldNames()
            .alwaysPrintFieldsWithNoPresence()
            .omittingInsignificantWhitespace();
    private static final ObjectMapper TREE = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final String[] TEXT = {"", "room-a", "<b>&amp;</b>", "quote\" back\\slash", "tab\tnew\nline\u0001",
        "ünïcødé ✓ 😀", "{\"k\":\"v\"}", "\u2028\u2029", "/slash/"};

    /** The earlier encoding, kept here as the reference. */
    private static byte[] threePasses(Message message) throws Exception {
        ObjectNode printed = (ObjectNode) TREE.readTree(PRINTER.print(message));
        return TREE.writeValueAsBytes(UnsetMessageNulls.fill(message, printed));
    }

    static Stream<Descriptor> messageTypes() {
        Set<FileDescriptor> files = new LinkedHashSet<>();
        for (FileDescriptor file : List.of(Room.getDescriptor().getFile(), AgentDispatch.getDescriptor().getFile(),
                Job.getDescriptor().getFile())) {
            files.add(file);
            files.addAll(file.getDependencies());
        }
        List<Descriptor> types = new ArrayList<>();
        for (FileDescriptor file : files) {
            for (Descriptor type : file.getMessageTypes()) {
                collect(type, types);
            }
        }
        return types.stream();
    }

    private static void collect(Descriptor type, List<Descriptor> into) {
        if (!type.getOptions().getMapEntry()) {
            into.add(type);
        }
        type.getNestedTypes().forEach(nested -> collect(nested, into));
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void should_write_the_same_bytes_as_the_three_passes_when_a_message_is_empty_or_filled(Descriptor type) throws Exception {
        // GIVEN the message empty, and filled with seeded values 40 ways (some fields left unset each time)
        List<Message> messages = new ArrayList<>();
        messages.add(DynamicMessage.getDefaultInstance(type));
        IntStream.range(0, 40).forEach(seed -> messages.add(fill(type, new Random(seed), 0)));

        for (Message message : messages) {
            // WHEN it is written in one pass
            byte[] written = TwirpJsonWriter.write(message);

            // THEN the bytes are exactly the earlier ones
            assertThat(new String(written, StandardCharsets.UTF_8))
                    .as("%s %s", type.getFullName(), message)
                    .isEqualTo(new String(threePasses(message), StandardCharsets.UTF_8));
        }
    }

    private static Message fill(Descriptor type, Random random, int depth) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        for (FieldDescriptor field : type.getFields()) {
            if (random.nextInt(4) == 0 || (depth > 3 && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE)) {
                continue; // left unset
            }
            if (field.isMapField()) {
                // distinct keys, as a generated message's map has them
                Descriptor entry = field.getMessageType();
                Set<Object> keys = new LinkedHashSet<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    keys.add(value(entry.findFieldByNumber(1), random, depth));
                }
                for (Object key : keys) {
                    builder.addRepeatedField(field, DynamicMessage.newBuilder(entry)
                            .setField(entry.findFieldByNumber(1), key)
                            .setField(entry.findFieldByNumber(2), value(entry.findFieldByNumber(2), random, depth))
                            .build());
                }
            } else if (field.isRepeated()) {
                for (int i = random.nextInt(4); i > 0; i--) {
                    builder.addRepeatedField(field, value(field, random, depth));
                }
            } else {
                builder.setField(field, value(field, random, depth));
            }
        }
        return builder.build();
    }

    private static Object value(FieldDescriptor field, Random random, int depth) {
        return switch (field.getJavaType()) {
            case INT -> pick(random, 0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt());
            case LONG -> pick(random, 0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1_795_680_793_000L, random.nextLong());
            case FLOAT -> pick(random, 0f, 0.7f, 1.0f, -2.5f, 1e10f, 1e-5f, 3.4028235e38f, Float.NaN, Float.POSITIVE_INFINITY,
                    random.nextFloat());
            case DOUBLE -> pick(random, 0d, 0.1d, 1e300d, -1e-7d, Double.NaN, Double.NEGATIVE_INFINITY, random.nextDouble());
            case BOOLEAN -> random.nextBoolean();
            case STRING -> TEXT[random.nextInt(TEXT.length)];
            case BYTE_STRING -> ByteString.copyFrom(new byte[random.nextInt(20)]).concat(ByteString.copyFromUtf8("\u00ff<>"));
            case ENUM -> random.nextInt(5) == 0 ? field.getEnumType().findValueByNumberCreatingIfUnknown(97)
                    : field.getEnumType().getValues().get(random.nextInt(field.getEnumType().getValues().size()));
            case MESSAGE -> fill(field.getMessageType(), random, depth + 1);
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
