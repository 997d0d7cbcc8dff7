package dev.dispatchsim.model;



/** Twirp error codes with the HTTP status the real server maps each to (twirp v8 errors.go). */
public enum ErrorCode {
    CANCELED("canceled", 408),
    UNKNOWN("unknown", 500),
    INVALID_ARGUMENT("invalid_argument", 400),
    MALFORMED("malformed", 400),
    DEADLINE_EXCEEDED("deadline_exceeded", 408),
    NOT_FOUND("not_found", 404),
    BAD_ROUTE("bad_route", 404),
    ALREADY_EXISTS("already_exists", 409),
    PERMISSION_DENIED("permission_denied", 403),
    UNAUTHENTICATED("unauthenticated", 401),
    RESOURCE_EXHAUSTED("resource_exhausted", 429),
    FAILED_PRECONDITION("failed_precondition", 412),
    ABORTED("aborted", 409),
    OUT_OF_RANGE("out_of_range", 400),
    UNIMPLEMENTED("unimplemented", 501),
    INTERNAL("internal", 500),
    UNAVAILABLE("unavailable", 503),
    DATA_LOSS("data_loss", 500);

    private final String wireName;
    private final int httpStatus;

    ErrorCode(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    public String wireName() {
        return wireName;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static java.util.Optional<ErrorCode> find(String name) {
        return java.util.Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }

    public static java.util.List<String> wireNames() {
        return java.util.Arrays.stream(values()).map(ErrorCode::wireName).toList();
    }

    public static ErrorCode fromWireName(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return code;
            }
        }
        throw new IllegalArgumentException("unknown Twirp code '" + name + "'");
    }
}
