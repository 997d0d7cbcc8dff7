package dev.dispatchsim.internal.clock;

import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.internal.admin.AdminApi;
import dev.dispatchsim.internal.admin.AdminRequest;
import dev.dispatchsim.internal.admin.AdminResponse;
import dev.dispatchsim.internal.fault.DelayDistribution;
import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.fault.profile.ProfileLoader;
import dev.dispatchsim.internal.standalone.EnvLayer;
import dev.dispatchsim.internal.standalone.StandaloneConfig;
import dev.dispatchsim.internal.standalone.StandaloneSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One duration grammar: the same text means the same duration in a flag, an env var, an admin call and a profile. */
class DurationTextTest {

    @Test
    void should_read_units_sums_zero_and_iso_when_text_is_a_duration() {
        assertThat(DurationText.tryParse("10s")).contains(Duration.ofSeconds(10));
        assertThat(DurationText.tryParse("500ms")).contains(Duration.ofMillis(500));
        assertThat(DurationText.tryParse("1m")).contains(Duration.ofMinutes(1));
        assertThat(DurationText.tryParse("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(DurationText.tryParse("2m30s")).contains(Duration.ofSeconds(150));
        assertThat(DurationText.tryParse("1h1ms")).contains(Duration.ofHours(1).plusMillis(1));
        assertThat(DurationText.tryParse("0")).contains(Duration.ZERO);
        assertThat(DurationText.tryParse("PT10S")).contains(Duration.ofSeconds(10));
        assertThat(DurationText.tryParse("pt0.25s")).contains(Duration.ofMillis(250));
        assertThat(DurationText.tryParse(" 10s ")).contains(Duration.ofSeconds(10));
    }

    @Test
    void should_refuse_bare_numbers_negatives_and_other_units_when_text_is_not_a_duration() {
        assertThat(List.of("10", "1.5", "-1s", "s", "10 s", "1d", "", ".5s", "1.s", "PT-1S", "P", "10sec"))
                .allSatisfy(bad -> assertThat(DurationText.tryParse(bad)).as(bad).isEmpty());
        assertThat(DurationText.tryParse(null)).isEmpty();
    }

    @Test
    void should_name_the_source_and_list_the_forms_when_text_is_refused() {
        assertThatThrownBy(() -> DurationText.parse("10", "--availability-timeout"))
                .hasMessage("--availability-timeout: '10' is not a duration (a unit is required); write " + DurationText.FORMS);
        assertThatThrownBy(() -> DurationText.parse("soon", "by"))
                .hasMessage("by: 'soon' is not a duration; write 10s, 2m30s, 500ms, 1.5s, 0 or PT10S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2m30s", "PT2M30S", "150000ms", "2.5m"})
    void should_mean_the_same_in_a_flag_an_env_var_an_admin_call_and_a_profile_when_written_the_same(String text) {
        Duration expected = Duration.ofSeconds(150);

        Duration flag = StandaloneConfig.resolve(Map.of(StandaloneSetting.AVAILABILITY_TIMEOUT, text), EnvLayer.empty())
                .availabilityTimeout();
        Duration env = StandaloneConfig.resolve(Map.of(), EnvLayer.of(Map.of("DISPATCHSIM_AVAILABILITY_TIMEOUT", text)))
                .availabilityTimeout();
        Duration admin = advancedBy(text);
        FaultEffect effect = ProfileLoader.fromYaml("name: p\nrules:\n  - {name: r, at: agent_join, do: {type: delay, fixed: "
                + text + "}}\n").rules().get(0).effect();

        assertThat(List.of(flag, env, admin)).containsOnly(expected);
        assertThat(((FaultEffect.Delay) effect).distribution()).isEqualTo(new DelayDistribution.Fixed(expected));
    }

    /** The duration an admin {@code POST /_sim/clock/advance?by=} hands to the simulator. */
    private static Duration advancedBy(String text) {
        AtomicReference<Duration> by = new AtomicReference<>();
        SimulatorAdmin recording = (SimulatorAdmin) Proxy.newProxyInstance(SimulatorAdmin.class.getClassLoader(),
                new Class<?>[] {SimulatorAdmin.class}, (proxy, method, args) -> {
                    by.set((Duration) args[0]);
                    return Instant.EPOCH;
                });
        AdminResponse response = new AdminApi(recording, null).handle(new AdminRequest("POST", "/_sim/clock/advance",
                Map.of("by", List.of(text)), Map.of("Content-Type", "application/json"), ""));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return by.get();
    }
}
