package dev.dispatchsim.internal.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VideoGrantTest {

    private static VideoGrant withNullables(Boolean canPublish, Boolean canSubscribe, Boolean canPublishData,
            Boolean canUpdateOwnMetadata, Boolean canSubscribeMetrics, Boolean canManageAgentSession) {
        return new VideoGrant(false, false, false, false, true, "r", canPublish, canSubscribe, canPublishData,
                List.of(), canUpdateOwnMetadata, false, false, false, false, canSubscribeMetrics,
                canManageAgentSession, "");
    }

    @Test
    void should_apply_livekit_defaults_when_nullable_grants_are_absent() {
        // GIVEN a grant with every nullable permission absent
        VideoGrant grant = withNullables(null, null, null, null, null, null);

        // WHEN / THEN publish and subscribe default to true, publish-data follows publish, the rest to false
        assertThat(grant.effectiveCanPublish()).isTrue();
        assertThat(grant.effectiveCanSubscribe()).isTrue();
        assertThat(grant.effectiveCanPublishData()).isTrue();
        assertThat(grant.effectiveCanUpdateOwnMetadata()).isFalse();
        assertThat(grant.effectiveCanSubscribeMetrics()).isFalse();
        assertThat(grant.effectiveCanManageAgentSession()).isFalse();
    }

    @Test
    void should_follow_can_publish_when_can_publish_data_is_absent() {
        // GIVEN canPublish false and canPublishData absent
        VideoGrant grant = withNullables(false, false, null, true, true, true);

        // WHEN / THEN canPublishData takes canPublish's value and explicit values win
        assertThat(grant.effectiveCanPublish()).isFalse();
        assertThat(grant.effectiveCanSubscribe()).isFalse();
        assertThat(grant.effectiveCanPublishData()).isFalse();
        assertThat(grant.effectiveCanUpdateOwnMetadata()).isTrue();
        assertThat(grant.effectiveCanSubscribeMetrics()).isTrue();
        assertThat(grant.effectiveCanManageAgentSession()).isTrue();
    }

    @Test
    void should_use_explicit_can_publish_data_when_it_is_given() {
        // GIVEN canPublish false but canPublishData true
        VideoGrant grant = withNullables(false, null, true, null, null, null);

        // WHEN / THEN the explicit value wins
        assertThat(grant.effectiveCanPublishData()).isTrue();
    }

    @Test
    void should_replace_nulls_with_empty_values_when_constructed() {
        // GIVEN / WHEN a grant built with null strings and list
        VideoGrant grant = new VideoGrant(false, false, false, false, false, null, null, null, null, null, null,
                false, false, false, false, null, null, null);

        // THEN strings are "" and the list is empty, as for an absent claim
        assertThat(grant).isEqualTo(VideoGrant.NONE);
    }
}
