package dev.dispatchsim.internal.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    @Test
    void should_parse_every_pair_when_spec_lists_several_keys() {
        // GIVEN a spec with two keys, one written livekit-server style with a blank after ':'
        // WHEN it is parsed
        ApiKeys keys = ApiKeys.parse("devkey:secret, prodkey: s3cr3t:with:colons ");

        // THEN each key maps to its secret (only the first ':' separates)
        assertThat(keys.secretFor("devkey")).contains("secret");
        assertThat(keys.secretFor("prodkey")).contains("s3cr3t:with:colons");
        assertThat(keys.keys()).containsExactly("devkey", "prodkey");
    }

    @Test
    void should_return_empty_when_key_is_unknown_or_null() {
        // GIVEN the dev defaults
        ApiKeys keys = ApiKeys.defaults();

        // WHEN / THEN only devkey is known, with secret "secret"
        assertThat(keys.secretFor("devkey")).contains("secret");
        assertThat(keys.secretFor("other")).isEmpty();
        assertThat(keys.secretFor(null)).isEmpty();
    }

    @Test
    void should_name_the_entry_when_it_has_no_colon() {
        // GIVEN / WHEN / THEN the bad entry is named by position and text
        assertThatThrownBy(() -> ApiKeys.parse("devkey:secret,prodkey"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad API key entry 2 of 2: 'prodkey' has no ':' between key and secret; "
                        + "expected 'key:secret' entries separated by commas, e.g. 'devkey:secret,otherkey:othersecret'");
    }

    @Test
    void should_name_the_key_without_showing_secrets_when_an_entry_is_bad() {
        // GIVEN / WHEN / THEN empty secret, empty key, duplicate key and an empty entry are each explained
        assertThatThrownBy(() -> ApiKeys.parse("devkey:"))
                .hasMessageStartingWith("bad API key entry 1 of 1: the secret of key 'devkey' is empty;");
        assertThatThrownBy(() -> ApiKeys.parse(" :secret"))
                .hasMessageStartingWith("bad API key entry 1 of 1: the key is empty;");
        assertThatThrownBy(() -> ApiKeys.parse("devkey:one,devkey:two"))
                .hasMessageStartingWith("bad API key entry 2 of 2: key 'devkey' is given twice;")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("one").doesNotContain("two"));
        assertThatThrownBy(() -> ApiKeys.parse("devkey:secret,"))
                .hasMessageStartingWith("bad API key entry 2 of 2: '' has no ':'");
    }

    @Test
    void should_reject_when_spec_is_blank() {
        // GIVEN / WHEN / THEN null and blank specs are refused with the expected format
        assertThatThrownBy(() -> ApiKeys.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no API keys given; expected 'key:secret'");
        assertThatThrownBy(() -> ApiKeys.parse("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_accept_any_characters_when_built_from_one_pair() {
        // GIVEN / WHEN a key built directly, with characters the spec syntax reserves
        ApiKeys keys = ApiKeys.of("k,1", "s:e,c");

        // THEN it is kept as is; empty parts are refused
        assertThat(keys.secretFor("k,1")).contains("s:e,c");
        assertThatThrownBy(() -> ApiKeys.of("", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKeys.of("k", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_hide_secrets_when_printed() {
        // GIVEN / WHEN keys are printed (e.g. in the effective-configuration log line)
        // THEN only the key names appear
        assertThat(ApiKeys.parse("devkey:topsecret")).hasToString("ApiKeys[devkey]");
    }

    @Test
    void should_be_equal_when_pairs_are_equal() {
        // GIVEN / WHEN / THEN equality is by content
        assertThat(ApiKeys.parse("devkey:secret")).isEqualTo(ApiKeys.defaults())
                .hasSameHashCodeAs(ApiKeys.defaults());
        assertThat(ApiKeys.parse("devkey:other")).isNotEqualTo(ApiKeys.defaults());
    }
}
