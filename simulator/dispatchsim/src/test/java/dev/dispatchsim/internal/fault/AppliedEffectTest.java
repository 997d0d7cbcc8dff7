package dev.dispatchsim.internal.fault;

import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.model.ErrorCode;
import dev.dispatchsim.model.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the journal says a fired rule did: a value per effect, with what was sampled or sent. */
class AppliedEffectTest {

    @Test
    void should_journal_each_effect_as_its_value_when_a_rule_fires() {
        assertThat(applied(new FaultEffect.Drop(), null)).isEqualTo(new AppliedEffect.Dropped());
        assertThat(applied(new FaultEffect.Delay(new DelayDistribution.Uniform(Duration.ZERO, Duration.ofSeconds(20)), null),
                Duration.ofMillis(12_185))).isEqualTo(new AppliedEffect.Delayed(Duration.ofMillis(12_185)));
        assertThat(applied(new FaultEffect.Duplicate(Duration.ofSeconds(1)), null))
                .isEqualTo(new AppliedEffect.Duplicated(Duration.ofSeconds(1)));
        assertThat(applied(new FaultEffect.Report(JobStatus.JS_RUNNING, "", true), null))
                .isEqualTo(new AppliedEffect.Reported(JobStatus.JS_RUNNING, "", true));
        assertThat(applied(new FaultEffect.Reorder(), null)).isEqualTo(new AppliedEffect.Reordered());
        assertThat(applied(new FaultEffect.Stall(), null)).isEqualTo(new AppliedEffect.Stalled());
        assertThat(applied(new FaultEffect.Disconnect(1011, "bye"), null)).isEqualTo(new AppliedEffect.Disconnected(1011, "bye"));
    }

    @Test
    void should_journal_what_the_client_got_when_a_request_is_failed() {
        assertThat(applied(new FaultEffect.Fail(new FaultEffect.Fail.Twirp(ErrorCode.UNAVAILABLE, "")), null))
                .as("a Twirp failure without a message sends the code's name")
                .isEqualTo(new AppliedEffect.Failed(503, "unavailable", "unavailable"));
        assertThat(applied(new FaultEffect.Fail(new FaultEffect.Fail.HttpStatus(502, "bad gateway")), null))
                .isEqualTo(new AppliedEffect.Failed(502, "", "bad gateway"));
        assertThat(applied(new FaultEffect.Fail(new FaultEffect.Fail.WsClose(4000, "go away")), null))
                .as("an accepted upgrade closed at once").isEqualTo(new AppliedEffect.Disconnected(4000, "go away"));
        assertThat(applied(new FaultEffect.Drop(), null).type()).isEqualTo("drop");
    }

    @Test
    void should_refuse_a_delay_that_was_never_sampled_when_asked_what_it_did() {
        FaultDecision peeked = decision(new FaultEffect.Delay(new DelayDistribution.Fixed(Duration.ofSeconds(1)), null), null);

        assertThatThrownBy(peeked::applied).isInstanceOf(IllegalStateException.class).hasMessageContaining("rule 'r'");
    }

    private static AppliedEffect applied(FaultEffect effect, Duration sampled) {
        return decision(effect, sampled).applied();
    }

    private static FaultDecision decision(FaultEffect effect, Duration sampled) {
        return new FaultDecision("r", HookPoint.TWIRP_REQUEST, effect, new FaultTargets(null, null, null, null, null, null, null, null),
                1,
                OptionalDouble.empty(), Optional.ofNullable(sampled));
    }
}
