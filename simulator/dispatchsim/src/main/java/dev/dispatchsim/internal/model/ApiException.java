package dev.dispatchsim.internal.model;

import dev.dispatchsim.model.ErrorCode;

import java.util.Map;

/** A failure the APIs report to the caller: a Twirp code, the real server's message, optional meta. */
public final class ApiException extends RuntimeException {

    /** The prefix the real server's psrpc → Twirp conversion puts in front of internal errors. */
    public static final String PSRPC_PREFIX = "twirp error unknown: ";

    private final ErrorCode code;
    private final Map<String, String> meta;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, String> meta) {
        super(message);
        this.code = code;
        this.meta = Map.copyOf(meta);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, String> meta() {
        return meta;
    }

    /** An error raised behind the server's internal RPC layer, worded the way clients see it. */
    public static ApiException internalRpc(ErrorCode code, String message) {
        return new ApiException(code, PSRPC_PREFIX + message);
    }

    public static ApiException roomNotFound() {
        return internalRpc(ErrorCode.NOT_FOUND, "requested room does not exist");
    }

    public static ApiException participantNotFound() {
        return internalRpc(ErrorCode.NOT_FOUND, "participant does not exist");
    }

    /** A limit check in a handler: message = text + space + limit, meta argument = text. */
    public static ApiException limit(String text, long limit) {
        return new ApiException(ErrorCode.INVALID_ARGUMENT, text + " " + limit, Map.of("argument", text));
    }
}
