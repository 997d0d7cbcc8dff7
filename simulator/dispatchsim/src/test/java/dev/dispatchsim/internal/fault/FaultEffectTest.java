package dev.dispatchsim.internal.fault;

import dev.dispatchsim.internal.fault.FaultEffect.Fail;
import dev.dispatchsim.model.ErrorCode;
import dev.dispatchsim.model.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultEffectTest {

    @Test
    void should_return_the_value_when_delay_is_fixed() {
        assertThat(new DelayDistribution.Fixed(Duration.ofMillis(1500)).sample(new SplittableRandom(1)))
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void should_stay_within_bounds_when_delay_is_uniform() {
        DelayDistribution d = new DelayDistribution.Uniform(Duration.ofSeconds(6), Duration.ofSeconds(16));
        SplittableRandom rng = new SplittableRandom(7);
        assertThat(IntStream.range(0, 1000).mapToObj(i -> d.sample(rng)))
                .allSatisfy(s -> assertThat(s).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(16)))
                .anySatisfy(s -> assertThat(s).isLessThan(Duration.ofSeconds(7)))
                .anySatisfy(s -> assertThat(s).isGreaterThan(Duration.ofSeconds(15)));
    }

    @Test
    void should_center_on_the_median_when_delay_is_lognormal() {
        DelayDistribution d = new DelayDistribution.LogNormal(Duration.ofSeconds(3), 0.5);
        SplittableRandom rng = new SplittableRandom(7);
        long below = IntStream.range(0, 2000).mapToObj(i -> d.sample(rng))
                .filter(s -> s.compareTo(Duration.ofSeconds(3)) < 0).count();
        assertThat(below).isBetween(900L, 1100L);
    }

    @Test
    void should_clamp_at_zero_when_a_normal_sample_is_negative() {
        DelayDistribution d = new DelayDistribution.Normal(Duration.ZERO, Duration.ofSeconds(1));
        SplittableRandom rng = new SplittableRandom(7);
        assertThat(IntStream.range(0, 200).mapToObj(i -> d.sample(rng)))
                .allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(Duration.ZERO))
                .anySatisfy(s -> assertThat(s).isEqualTo(Duration.ZERO));
    }

    @Test
    void should_round_to_whole_milliseconds_when_sampling_a_distribution() {
        DelayDistribution d = new DelayDistribution.Normal(Duration.ofSeconds(5), Duration.ofSeconds(1));
        SplittableRandom rng = new SplittableRandom(3);
        assertThat(IntStream.range(0, 50).mapToObj(i -> d.sample(rng)))
                .allSatisfy(s -> assertThat(s.toNanos() % 1_000_000).isZero());
    }

    @Test
    void should_cap_the_sample_when_delay_has_a_max() {
        FaultEffect.Delay capped = new FaultEffect.Delay(
                new DelayDistribution.Uniform(Duration.ofSeconds(10), Duration.ofSeconds(20)), Duration.ofSeconds(12));
        SplittableRandom rng = new SplittableRandom(5);
        assertThat(IntStream.range(0, 100).mapToObj(i -> capped.sample(rng)))
                .allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(Duration.ofSeconds(12)))
                .anySatisfy(s -> assertThat(s).isEqualTo(Duration.ofSeconds(12)));
    }

    @Test
    void should_end_the_event_when_the_effect_is_terminal() {
        assertThat(new FaultEffect.Drop().terminal()).isTrue();
        assertThat(new FaultEffect.Stall().terminal()).isTrue();
        assertThat(new Fail(new Fail.Twirp(ErrorCode.UNAVAILABLE, "x")).terminal()).isTrue();
        assertThat(new FaultEffect.Disconnect(1011, "").terminal()).isTrue();
        assertThat(new FaultEffect.Report(JobStatus.JS_RUNNING, "", true).terminal()).isTrue();
        assertThat(new FaultEffect.Duplicate(Duration.ZERO).terminal()).isFalse();
        assertThat(new FaultEffect.Delay(new DelayDistribution.Fixed(Duration.ZERO), null).terminal()).isFalse();
    }

    @Test
    void should_allow_each_fail_kind_at_its_own_hooks_when_placed() {
        assertThat(new Fail(new Fail.Twirp(ErrorCode.UNAVAILABLE, "")).allowedAt()).containsExactly(HookPoint.TWIRP_REQUEST);
        assertThat(new Fail(new Fail.HttpStatus(503, "")).allowedAt())
                .containsExactly(HookPoint.TWIRP_REQUEST, HookPoint.WORKER_CONNECT, HookPoint.WEBHOOK);
        assertThat(new Fail(new Fail.WsClose(1011, "")).allowedAt()).containsExactly(HookPoint.WORKER_CONNECT);
        assertThat(new FaultEffect.Report(JobStatus.JS_FAILED, "", false).allowedAt())
                .containsExactly(HookPoint.JOB_STATUS_REPORT);
        assertThat(new FaultEffect.Drop().allowedAt()).doesNotContain(HookPoint.JOB_STATUS_REPORT).hasSize(11);
        assertThat(new FaultEffect.Reorder().allowedAt()).containsExactly(HookPoint.WEBHOOK);
        assertThat(new FaultEffect.Reorder().terminal()).as("a reordered event is still sent").isFalse();
    }

    @Test
    void should_reject_the_rule_when_the_effect_makes_no_sense_at_its_hook() {
        assertThatThrownBy(() -> Rule.of("r", HookPoint.AVAILABILITY_REQUEST,
                new FaultEffect.Report(JobStatus.JS_RUNNING, "", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule 'r': effect 'report' is not allowed at hook point 'availability_request';"
                        + " allowed at: job_status_report");
    }

    @Test
    void should_map_every_twirp_code_to_its_http_status_when_failing() {
        assertThat(ErrorCode.values()).hasSize(18);
        assertThat(ErrorCode.UNAVAILABLE.httpStatus()).isEqualTo(503);
        assertThat(ErrorCode.find("data_loss")).contains(ErrorCode.DATA_LOSS);
    }

    @Test
    void should_reject_out_of_range_codes_when_constructed() {
        assertThatThrownBy(() -> new Fail.HttpStatus(200, "")).hasMessageContaining("400..599");
        assertThatThrownBy(() -> new FaultEffect.Disconnect(999, "")).hasMessageContaining("1000..4999");
    }
}
