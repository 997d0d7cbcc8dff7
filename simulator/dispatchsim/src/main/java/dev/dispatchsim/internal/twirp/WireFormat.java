package dev.dispatchsim.internal.twirp;

import java.util.Locale;

/** The two Twirp encodings; a response always uses the request's. */
public enum WireFormat {
    JSON("application/json"),
    PROTOBUF("application/protobuf");

    private final String contentType;

    WireFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The media type before ';', trimmed and lower-cased, as the real server reads it; null when it
     * is neither JSON nor protobuf (the caller answers bad_route).
     */
    public static WireFormat of(String contentTypeHeader) {
        if (contentTypeHeader == null) {
            return null;
        }
        String media = contentTypeHeader.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (media) {
            case "application/json" -> JSON;
            case "application/protobuf" -> PROTOBUF;
            default -> null;
        };
    }
}
