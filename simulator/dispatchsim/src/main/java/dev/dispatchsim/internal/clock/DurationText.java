package dev.dispatchsim.internal.clock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of flags, env vars, admin query parameters and fault profiles: a sum of
 * number+unit parts with units h, m, s and ms ({@code 10s}, {@code 500ms}, {@code 1.5s},
 * {@code 2m30s}), a bare {@code 0}, or ISO-8601 ({@code PT10S}). A bare number other than 0 is
 * refused rather than guessed at, because "10" could mean seconds or milliseconds; so is a negative one.
 */
public final class DurationText {

    /** The forms, as error messages list them. */
    public static final String FORMS = "10s, 2m30s, 500ms, 1.5s, 0 or PT10S";

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private DurationText() {
    }

    /** The duration {@code text} means, or empty when it is none of the forms. */
    public static Optional<Duration> tryParse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (WHOLE.matcher(value).matches()) {
            return sumOfParts(value);
        }
        if (value.startsWith("P") || value.startsWith("p")) {
            try {
                Duration parsed = Duration.parse(value);
                return parsed.isNegative() ? Optional.empty() : Optional.of(parsed);
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Parses {@code text}; the error names {@code what} (a parameter, flag or env var) and lists the forms. */
    public static Duration parse(String text, String what) {
        return tryParse(text).orElseThrow(() -> {
            String value = text == null ? "" : text.strip();
            String hint = value.matches("\\d+(\\.\\d+)?") ? " (a unit is required)" : "";
            return new IllegalArgumentException(what + ": '" + value + "' is not a duration" + hint + "; write " + FORMS);
        });
    }

    /** The short form used in answers and logs, e.g. {@code 10s} or {@code 250ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static Optional<Duration> sumOfParts(String text) {
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(unitNanos(part.group(2)))));
        }
        try {
            return Optional.of(Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact()));
        } catch (ArithmeticException tooLong) {
            return Optional.empty();
        }
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            default -> 1_000_000L;
        };
    }
}
