package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.admin.ProfileInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Layering (default < profile < env < flag) and error messages, with an injected env: never the real one. */
class StandaloneConfigTest {

    private static StandaloneConfig resolve(Map<StandaloneSetting, String> flags, Map<String, String> env) {
        return StandaloneConfig.resolve(flags, EnvLayer.of(env));
    }

    @Test
    void should_use_the_documented_defaults_when_nothing_is_given() {
        StandaloneConfig config = resolve(Map.of(), Map.of("PATH", "/bin", "HOME", "/root"));

        assertThat(config.port()).isEqualTo(7880);
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.keys().secretFor("devkey")).hasValue("secret");
        assertThat(config.seed()).isNull();
        assertThat(config.effectiveSeed(null)).isZero();
        assertThat(config.profile()).isNull();
        assertThat(config.manualClock()).isFalse();
        assertThat(config.availabilityTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.listingLag()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.agentJoinDelay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.targetLoad()).isEqualTo(0.7);
        assertThat(config.adminToken()).isNull();
        assertThat(config.logLevel()).isEqualTo("info");
        assertThat(config.sources()).containsEntry(StandaloneSetting.PORT, "default");
    }

    @Test
    void should_let_env_override_defaults_and_flags_override_env_when_both_are_given() {
        // GIVEN every setting by env, and two of them by flag too
        Map<String, String> env = Map.ofEntries(
                Map.entry("DISPATCHSIM_PORT", "9000"),
                Map.entry("DISPATCHSIM_BIND", "0.0.0.0"),
                Map.entry("DISPATCHSIM_KEYS", "k1:s1,k2:s2"),
                Map.entry("DISPATCHSIM_SEED", "5"),
                Map.entry("DISPATCHSIM_CLOCK", "manual"),
                Map.entry("DISPATCHSIM_AVAILABILITY_TIMEOUT", "750ms"),
                Map.entry("DISPATCHSIM_TARGET_LOAD", "0.5"),
                Map.entry("DISPATCHSIM_LISTING_LAG", "0"),
                Map.entry("DISPATCHSIM_AGENT_JOIN_DELAY", "2.5s"),
                Map.entry("DISPATCHSIM_ADMIN_TOKEN", "t0k"),
                Map.entry("DISPATCHSIM_LOG_LEVEL", "WARN"),
                Map.entry("DISPATCHSIM_PROFILE", "ghost-worker"));
        Map<StandaloneSetting, String> flags = Map.of(StandaloneSetting.PORT, "9100", StandaloneSetting.SEED, "6");

        // WHEN
        StandaloneConfig config = resolve(flags, env);

        // THEN
        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.seed()).isEqualTo(6L);
        assertThat(config.bind()).isEqualTo("0.0.0.0");
        assertThat(config.keys().keys()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(config.manualClock()).isTrue();
        assertThat(config.availabilityTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.listingLag()).isZero();
        assertThat(config.agentJoinDelay()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.targetLoad()).isEqualTo(0.5);
        assertThat(config.adminToken()).isEqualTo("t0k");
        assertThat(config.logLevel()).isEqualTo("warn");
        assertThat(config.profile()).isEqualTo("ghost-worker");
        assertThat(config.sources()).containsEntry(StandaloneSetting.PORT, "--port")
                .containsEntry(StandaloneSetting.BIND, "DISPATCHSIM_BIND");
        String described = config.describe(null);
        assertThat(described).contains("port=9100 (--port)").contains("admin-token=(set) (DISPATCHSIM_ADMIN_TOKEN)")
                .contains("seed=6 (--seed)").contains("log-level=warn (").doesNotContain("t0k");
        for (StandaloneSetting setting : StandaloneSetting.values()) {
            String key = setting.flag().substring(2) + "=";
            assertThat(described.split(" ")).as("settings named %s in: %s", key, described)
                    .filteredOn(word -> word.startsWith(key)).hasSize(1);
        }
    }

    @Test
    void should_take_the_profile_seed_only_when_neither_env_nor_flag_gives_one() {
        ProfileInfo pinned = new ProfileInfo("p", "p.yaml", 77L, "");

        assertThat(resolve(Map.of(), Map.of()).effectiveSeed(pinned)).isEqualTo(77);
        assertThat(resolve(Map.of(), Map.of()).seedSource(pinned)).isEqualTo("profile p.yaml");
        assertThat(resolve(Map.of(), Map.of("DISPATCHSIM_SEED", "5")).effectiveSeed(pinned)).isEqualTo(5);
        assertThat(resolve(Map.of(StandaloneSetting.SEED, "6"), Map.of("DISPATCHSIM_SEED", "5")).effectiveSeed(pinned)).isEqualTo(6);
        assertThat(resolve(Map.of(), Map.of()).effectiveSeed(new ProfileInfo("p", "p.yaml", null, ""))).isZero();
    }

    @Test
    void should_name_the_env_var_and_the_valid_values_when_an_env_value_is_bad() {
        assertBad(Map.of(), Map.of("DISPATCHSIM_PORT", "http"), "DISPATCHSIM_PORT: 'http' is not a port; valid: 0-65535");
        assertBad(Map.of(), Map.of("DISPATCHSIM_PORT", "70000"), "DISPATCHSIM_PORT: '70000' is not a port");
        assertBad(Map.of(), Map.of("DISPATCHSIM_CLOCK", "fast"), "DISPATCHSIM_CLOCK: 'fast' is not valid; valid: system, manual");
        assertBad(Map.of(), Map.of("DISPATCHSIM_AVAILABILITY_TIMEOUT", "10"),
                "DISPATCHSIM_AVAILABILITY_TIMEOUT: '10' is not a duration (a unit is required); write 10s, 2m30s, 500ms");
        assertBad(Map.of(), Map.of("DISPATCHSIM_AVAILABILITY_TIMEOUT", "0s"), "DISPATCHSIM_AVAILABILITY_TIMEOUT: '0s' must be more than zero");
        assertBad(Map.of(), Map.of("DISPATCHSIM_LISTING_LAG", "5"),
                "DISPATCHSIM_LISTING_LAG: '5' is not a duration (a unit is required); write 10s, 2m30s, 500ms");
        assertBad(Map.of(StandaloneSetting.AGENT_JOIN_DELAY, "-1s"), Map.of(), "--agent-join-delay: '-1s' is not a duration");
        assertBad(Map.of(), Map.of("DISPATCHSIM_TARGET_LOAD", "1.5"), "DISPATCHSIM_TARGET_LOAD: '1.5' is not a load; valid: a number in (0, 1]");
        assertBad(Map.of(), Map.of("DISPATCHSIM_LOG_LEVEL", "verbose"),
                "DISPATCHSIM_LOG_LEVEL: 'verbose' is not valid; valid: off, error, warn, info, debug, trace");
        assertBad(Map.of(), Map.of("DISPATCHSIM_SEED", "0x2A"), "DISPATCHSIM_SEED: '0x2A' is not a whole number");
        assertBad(Map.of(), Map.of("DISPATCHSIM_KEYS", "nocolon"), "DISPATCHSIM_KEYS: bad API key entry 1 of 1");
        assertBad(Map.of(), Map.of("DISPATCHSIM_ADMIN_TOKEN", ""), "DISPATCHSIM_ADMIN_TOKEN is empty; give a value");
    }

    @Test
    void should_name_the_flag_when_a_flag_value_is_bad_even_if_env_is_good() {
        assertBad(Map.of(StandaloneSetting.CLOCK, "sometimes"), Map.of("DISPATCHSIM_CLOCK", "manual"),
                "--clock: 'sometimes' is not valid; valid: system, manual");
        assertBad(Map.of(StandaloneSetting.PORT, " "), Map.of(), "--port is empty; give a value or leave it unset for the default (7880)");
    }

    @Test
    void should_derive_env_names_mechanically_and_report_unknown_dispatchsim_vars() {
        assertThat(StandaloneSetting.AVAILABILITY_TIMEOUT.envName()).isEqualTo("DISPATCHSIM_AVAILABILITY_TIMEOUT");
        assertThat(StandaloneSetting.ADMIN_TOKEN.envName()).isEqualTo("DISPATCHSIM_ADMIN_TOKEN");
        for (StandaloneSetting setting : StandaloneSetting.values()) {
            assertThat(setting.envName()).isEqualTo("DISPATCHSIM_" + setting.flag().substring(2).replace('-', '_').toUpperCase());
        }
        assertThat(EnvLayer.of(Map.of("DISPATCHSIM_PRT", "1", "DISPATCHSIM_PORT", "2", "OTHER", "x")).unknownNames())
                .containsExactly("DISPATCHSIM_PRT");
    }

    private static void assertBad(Map<StandaloneSetting, String> flags, Map<String, String> env, String messageStart) {
        assertThatThrownBy(() -> resolve(flags, env)).isInstanceOf(ConfigException.class).message().startsWith(messageStart);
    }
}
