package dev.dispatchsim.fault.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in configs: a sum of number+unit parts, units h, m, s and ms,
 * e.g. {@code 10s}, {@code 500ms}, {@code 1m}, {@code 1.5s}, {@code 2m30s}; a bare {@code 0} is
 * zero. A bare number other than 0 is refused: "10" could be seconds or milliseconds.
 */
final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private DurationText() {
    }

    static Optional<Duration> parse(String text) {
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (!WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
        }
        try {
            return Optional.of(Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact()));
        } catch (ArithmeticException tooLong) {
            return Optional.empty();
        }
    }

    private static long unitNanos(String unit) {
        switch (unit) {
            case "h": return 3_600_000_000_000L;
            case "m": return 60_000_000_000L;
            case "s": return 1_000_000_000L;
            default: return 1_000_000L;
        }
    }
}
