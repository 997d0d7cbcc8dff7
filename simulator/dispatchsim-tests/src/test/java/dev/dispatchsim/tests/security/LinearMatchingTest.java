package dev.dispatchsim.tests.security;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.profile.Profile;
import dev.dispatchsim.profile.ProfileException;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S2: no selector can freeze the engine. Patterns that make a backtracking matcher run for ever on a
 * 200-character room name are matched in linear time, so the Twirp call they guard is answered; a
 * regex feature that cannot be matched in linear time is refused when the profile loads.
 */
@Timeout(60)
class LinearMatchingTest {

    private static final String ROOM = "a".repeat(200);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"room: '*a*a*a*a*a*a*a*a*a*a*a*b'", "room_regex: '(a+)+b'", "room_regex: '(a|aa)*c'"})
    void should_answer_the_call_when_a_selector_would_backtrack_for_ever(String selector) {
        // GIVEN a rule on every Twirp request whose selector is a catastrophic pattern for a backtracking engine
        Profile profile = Profile.fromYaml("name: slow-selector\nrules:\n  - name: r\n    at: twirp_request\n"
                + "    match: {" + selector + "}\n    do: {type: fail, http_status: 503}\n");
        try (LiveKitSimulator sim = LiveKitSimulator.builder().profile(profile).start()) {
            TwirpHttp twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());

            // WHEN a room with a long name that does not match is created, then another call is made
            HttpResponse<String> created = twirp.json("livekit.RoomService/CreateRoom", "{\"name\":\"" + ROOM + "\"}",
                    TwirpHttp.roomCreate());
            HttpResponse<String> listed = twirp.json("livekit.RoomService/ListRooms", "{}", TwirpHttp.roomList());

            // THEN both are answered: the rule did not match, and the engine is still serving
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains(ROOM);
        }
    }

    @Test
    void should_refuse_at_load_with_its_location_when_a_regex_needs_backtracking_features() {
        // GIVEN a room_regex with a backreference, which no linear-time engine supports
        String yaml = "name: backref\nrules:\n  - name: r\n    at: agent_join\n    match: {room_regex: '(a)\\1'}\n    do: drop\n";

        // WHEN it loads THEN it is refused at the regex's line and column, saying which syntax is supported
        assertThatThrownBy(() -> Profile.fromYaml(yaml, "backref.yaml"))
                .isInstanceOf(ProfileException.class)
                .hasMessageStartingWith("backref.yaml:5:25: bad regular expression '(a)\\1' for 'room_regex'")
                .hasMessageContaining("RE2 syntax");
    }
}
