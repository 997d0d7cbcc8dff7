package dev.dispatchsim.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in query strings, flags and env vars: {@code 250ms}, {@code 10s},
 * {@code 1.5s}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT10S}. A bare number is refused rather
 * than guessed at, because "10" could mean seconds or milliseconds.
 */
public final class DurationText {

    public static final String FORMS = "250ms, 10s, 1.5s, 2m, 1h or PT10S";
    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private DurationText() {
    }

    /** Parses {@code text}; {@code what} names the parameter, flag or env var in the error. */
    public static Duration parse(String text, String what) {
        String value = text == null ? "" : text.strip();
        Matcher simple = SIMPLE.matcher(value);
        if (simple.matches()) {
            BigDecimal amount = new BigDecimal(simple.group(1));
            BigDecimal millisPerUnit = switch (simple.group(2)) {
                case "ms" -> BigDecimal.ONE;
                case "s" -> BigDecimal.valueOf(1_000);
                case "m" -> BigDecimal.valueOf(60_000);
                default -> BigDecimal.valueOf(3_600_000);
            };
            return Duration.ofNanos(amount.multiply(millisPerUnit).multiply(BigDecimal.valueOf(1_000_000)).longValue());
        }
        if (value.startsWith("P") || value.startsWith("p")) {
            try {
                Duration parsed = Duration.parse(value);
                if (!parsed.isNegative()) {
                    return parsed;
                }
            } catch (DateTimeParseException ignored) {
                // falls through to the error below, which lists the accepted forms
            }
        }
        String hint = value.matches("\\d+(\\.\\d+)?") ? " (a unit is required)" : "";
        throw new IllegalArgumentException(what + ": '" + value + "' is not a duration" + hint + "; write " + FORMS);
    }

    /** The short form used in responses and logs, e.g. {@code 10s} or {@code 250ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
