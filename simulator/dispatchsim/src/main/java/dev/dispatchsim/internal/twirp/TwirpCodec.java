package dev.dispatchsim.internal.twirp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.dispatchsim.internal.model.ApiException;
import dev.dispatchsim.model.ErrorCode;

import java.nio.charset.StandardCharsets;

/**
 * Bodies in and out, the way livekit-server's generated Twirp code does it: JSON is read with
 * either field-name style and unknown fields ignored, as strictly as Go's protojson ({@link StrictJson}),
 * and written with proto (snake_case) names,
 * defaults emitted, unset singular messages as {@code null}, int64 as strings and enums as names;
 * protobuf is plain binary.
 */
public final class TwirpCodec {

    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

    private TwirpCodec() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends Message> T decode(byte[] body, WireFormat format, T prototype) {
        Message.Builder builder = prototype.newBuilderForType();
        try {
            if (format == WireFormat.PROTOBUF) {
                builder.mergeFrom(body);
            } else {
                String text = new String(body, StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    // An empty body is not a JSON value: the real server rejects it the same way.
                    throw new InvalidProtocolBufferException("empty body");
                }
                StrictJson.check(text, prototype.getDescriptorForType());
                PARSER.merge(text, builder);
            }
        } catch (InvalidProtocolBufferException | RuntimeException invalid) {
            throw new ApiException(ErrorCode.MALFORMED, format == WireFormat.PROTOBUF
                    ? "the protobuf request could not be decoded"
                    : "the json request could not be decoded");
        }
        return (T) builder.build();
    }

    public static byte[] encode(Message message, WireFormat format) {
        if (format == WireFormat.PROTOBUF) {
            return message.toByteArray();
        }
        return TwirpJsonWriter.write(message);
    }
}
