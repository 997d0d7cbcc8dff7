package dev.dispatchsim.internal.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** go-retryablehttp's defaults, as livekit-server's webhook client uses them. */
class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void should_wait_one_two_four_then_eight_seconds_when_a_receiver_keeps_failing() {
        // GIVEN / WHEN attempts 1..5 are all answered 503 without Retry-After
        // THEN retries come after 1, 2, 4 and 8 s, and the fifth failure gives up
        assertThat(RetryPolicy.after(1, 503, null, NOW).retryIn()).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPolicy.after(2, 503, null, NOW).retryIn()).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryPolicy.after(3, 503, null, NOW).retryIn()).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryPolicy.after(4, 503, null, NOW).retryIn()).isEqualTo(Duration.ofSeconds(8));
        RetryPolicy.Next last = RetryPolicy.after(5, 503, null, NOW);
        assertThat(last.givenUp()).isTrue();
        assertThat(last.delivered()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 429, 500, 502, 503, 504, 599})
    void should_retry_when_no_answer_came_or_the_status_is_429_or_a_5xx_but_501(int status) {
        assertThat(RetryPolicy.after(1, status, null, NOW).retryIn()).isEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 204, 301, 400, 401, 403, 404, 410, 501})
    void should_count_the_event_as_delivered_when_the_answer_is_not_retried(int status) {
        RetryPolicy.Next next = RetryPolicy.after(1, status, null, NOW);
        assertThat(next.delivered()).isTrue();
        assertThat(next.retryIn()).isNull();
    }

    @Test
    void should_wait_what_retry_after_asks_when_a_429_or_503_carries_it() {
        assertThat(RetryPolicy.after(1, 429, "7", NOW).retryIn()).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryPolicy.after(1, 503, "45", NOW).retryIn()).as("not capped at 30 s").isEqualTo(Duration.ofSeconds(45));
        assertThat(RetryPolicy.after(2, 503, "Mon, 30 Nov 2026 12:00:12 GMT", NOW).retryIn()).isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryPolicy.after(2, 503, "Mon, 30 Nov 2026 11:00:00 GMT", NOW).retryIn()).as("a past date").isZero();
    }

    @Test
    void should_ignore_retry_after_when_the_status_is_another_5xx_or_the_header_is_bad() {
        assertThat(RetryPolicy.after(2, 500, "7", NOW).retryIn()).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryPolicy.after(2, 503, "soon", NOW).retryIn()).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryPolicy.after(2, 503, "-3", NOW).retryIn()).isEqualTo(Duration.ofSeconds(2));
    }
}
