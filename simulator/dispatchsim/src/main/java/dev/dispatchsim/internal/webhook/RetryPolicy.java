package dev.dispatchsim.internal.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When livekit-server tries a webhook again: its HTTP client (go-retryablehttp with its defaults) makes
 * at most 5 attempts; it retries when no answer came (connection refused, reset, timed out), on 429 and
 * on every 5xx but 501; it waits 1 s · 2^n before retry n+1, at most 30 s, unless a 429 or 503 carries a
 * {@code Retry-After} (seconds or an HTTP date), which is then waited instead. Any other answer (2xx,
 * 3xx, a 4xx other than 429, 501) ends the attempts, and livekit-server counts the event as delivered.
 */
final class RetryPolicy {

    static final int MAX_ATTEMPTS = 5;
    static final Duration MIN_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    /** What follows attempt n: the event is done (delivered or given up), or attempt n+1 after {@code retryIn}. */
    record Next(boolean delivered, Duration retryIn) {

        boolean givenUp() {
            return !delivered && retryIn == null;
        }
    }

    private RetryPolicy() {
    }

    /**
     * @param attempt    1 for the first attempt
     * @param status     the HTTP status, 0 when no answer came
     * @param retryAfter the answer's {@code Retry-After} header, null when absent
     * @param wallNow    the wall time, to turn a {@code Retry-After} date into a wait
     */
    static Next after(int attempt, int status, String retryAfter, Instant wallNow) {
        if (!retryable(status)) {
            return new Next(true, null);
        }
        if (attempt >= MAX_ATTEMPTS) {
            return new Next(false, null);
        }
        return new Next(false, wait(attempt, status, retryAfter, wallNow));
    }

    static boolean retryable(int status) {
        return status == 0 || status == 429 || (status >= 500 && status != 501);
    }

    private static Duration wait(int attempt, int status, String retryAfter, Instant wallNow) {
        if ((status == 429 || status == 503) && retryAfter != null) {
            Duration asked = retryAfter(retryAfter.strip(), wallNow);
            if (asked != null) {
                return asked; // not capped: go-retryablehttp waits what the receiver asks
            }
        }
        // doubling from 1 s: 1, 2, 4, 8 s for retries 1..4; the 30 s cap matters only with more retries
        Duration doubled = MIN_WAIT.multipliedBy(1L << Math.min(attempt - 1, 20));
        return doubled.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : doubled;
    }

    /** Whole seconds, or an HTTP date (a date in the past means at once); null when neither parses. */
    private static Duration retryAfter(String value, Instant wallNow) {
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(wallNow) ? Duration.between(wallNow, at) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
