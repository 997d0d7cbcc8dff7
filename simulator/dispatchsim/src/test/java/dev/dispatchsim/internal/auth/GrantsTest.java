package dev.dispatchsim.internal.auth;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantsTest {

    private static Claims claims(VideoGrant video) {
        return new Claims("devkey", "", "", "", "", Map.of(), video, null, "", Instant.EPOCH, null);
    }

    private static VideoGrant grant(boolean roomCreate, boolean roomList, boolean roomAdmin, String room,
            boolean agent) {
        return new VideoGrant(roomCreate, roomList, false, roomAdmin, false, room, null, null, null, List.of(),
                null, false, false, false, agent, null, null, "");
    }

    private static final Claims NOTHING = claims(VideoGrant.NONE);

    @Test
    void should_allow_room_create_when_granted() {
        // GIVEN / WHEN / THEN roomCreate passes; nothing else does
        assertThatCode(() -> Grants.requireRoomCreate(claims(grant(true, false, false, "", false))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Grants.requireRoomCreate(claims(grant(false, true, true, "", true))))
                .isInstanceOf(PermissionDenied.class)
                .hasMessage("permissions denied")
                .satisfies(e -> assertThat(((PermissionDenied) e).missing())
                        .isEqualTo("video.roomCreate"));
    }

    @Test
    void should_allow_room_list_when_granted() {
        // GIVEN / WHEN / THEN roomList passes; roomCreate alone does not
        assertThatCode(() -> Grants.requireRoomList(claims(grant(false, true, false, "", false))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Grants.requireRoomList(claims(grant(true, false, false, "", false))))
                .isInstanceOf(PermissionDenied.class)
                .hasMessage("permissions denied");
    }

    @Test
    void should_allow_room_admin_when_granted_for_the_same_room() {
        // GIVEN a roomAdmin grant for room-a
        Claims admin = claims(grant(false, false, true, "room-a", false));

        // WHEN / THEN room-a passes, room-b and a null room do not
        assertThatCode(() -> Grants.requireRoomAdmin(admin, "room-a")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Grants.requireRoomAdmin(admin, "room-b"))
                .isInstanceOf(PermissionDenied.class)
                .hasMessage("permissions denied")
                .satisfies(e -> assertThat(((PermissionDenied) e).missing())
                        .isEqualTo("video.roomAdmin for room 'room-b'"));
        assertThatThrownBy(() -> Grants.requireRoomAdmin(admin, null)).isInstanceOf(PermissionDenied.class);
    }

    @Test
    void should_deny_room_admin_when_room_matches_but_admin_is_missing() {
        // GIVEN a token naming room-a without roomAdmin
        Claims joinOnly = claims(grant(true, true, false, "room-a", true));

        // WHEN / THEN it is denied
        assertThatThrownBy(() -> Grants.requireRoomAdmin(joinOnly, "room-a")).isInstanceOf(PermissionDenied.class);
    }

    @Test
    void should_allow_room_admin_when_both_rooms_are_empty() {
        // GIVEN a roomAdmin grant without a room, and a request without a room
        Claims admin = claims(grant(false, false, true, "", false));

        // WHEN / THEN it passes, as the real server compares the two strings exactly
        assertThatCode(() -> Grants.requireRoomAdmin(admin, "")).doesNotThrowAnyException();
        assertThatCode(() -> Grants.requireRoomAdmin(admin, null)).doesNotThrowAnyException();
    }

    @Test
    void should_allow_agent_when_granted() {
        // GIVEN / WHEN / THEN video.agent passes; every other grant does not
        assertThatCode(() -> Grants.requireAgent(claims(grant(false, false, false, "", true))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Grants.requireAgent(claims(grant(true, true, true, "r", false))))
                .isInstanceOf(PermissionDenied.class)
                .hasMessage("permissions denied");
    }

    @Test
    void should_deny_everything_when_there_is_no_token_or_no_video_grant() {
        // GIVEN no claims at all (no token), and claims without a video grant
        // WHEN / THEN every check is denied and says that the token was missing
        assertThatThrownBy(() -> Grants.requireRoomCreate(null))
                .isInstanceOf(PermissionDenied.class)
                .hasMessage("permissions denied")
                .satisfies(e -> assertThat(((PermissionDenied) e).missing())
                        .isEqualTo("video.roomCreate (the request has no token)"));
        assertThatThrownBy(() -> Grants.requireRoomList(null)).isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> Grants.requireRoomAdmin(null, "")).isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> Grants.requireAgent(null)).isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> Grants.requireRoomCreate(NOTHING)).isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> Grants.requireRoomList(NOTHING)).isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> Grants.requireRoomAdmin(NOTHING, "")).isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> Grants.requireAgent(NOTHING)).isInstanceOf(PermissionDenied.class);
    }

    @Test
    void should_describe_missing_grant_when_printed() {
        // GIVEN / WHEN a denial is printed
        // THEN it shows the wire message and what was missing
        assertThat(new PermissionDenied("video.agent"))
                .hasToString("PermissionDenied: permissions denied (needs video.agent)");
    }
}
