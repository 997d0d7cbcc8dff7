package dev.dispatchsim.clienttests.app;

import java.io.IOException;
import java.util.Set;

/**
 * One LiveKit API call's outcome as the Java SDK gives it: the body on 2xx, otherwise the HTTP status
 * and the Twirp error body (the SDK throws nothing for non-2xx), or the I/O failure.
 */
public record ApiResult<T>(T value, int status, String error) {

    /** Worth another try: the server was unavailable, overloaded or unreachable; nothing was created. */
    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

    static <T> ApiResult<T> ok(T value) {
        return new ApiResult<>(value, 200, "");
    }

    static <T> ApiResult<T> failed(int status, String error) {
        return new ApiResult<>(null, status, error);
    }

    static <T> ApiResult<T> unreachable(IOException failure) {
        return new ApiResult<>(null, 0, failure.toString());
    }

    public boolean isOk() {
        return status == 200;
    }

    public boolean isRetryable() {
        return status == 0 || RETRYABLE.contains(status);
    }

    /** "ok", or "503 {"code":"unavailable",...}", for the dispatcher's log. */
    public String describe() {
        return isOk() ? "ok" : (status == 0 ? "unreachable: " : status + " ") + error;
    }
}
