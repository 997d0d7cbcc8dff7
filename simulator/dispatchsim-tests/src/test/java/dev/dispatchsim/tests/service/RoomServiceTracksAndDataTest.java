package dev.dispatchsim.tests.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.journal.JournalEvent.DataSent;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.Track;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;

import static dev.dispatchsim.tests.support.TwirpAnswers.okJson;
import static dev.dispatchsim.tests.support.TwirpAnswers.twirpError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MutePublishedTrack, UpdateSubscriptions and SendData over HTTP. A call that no server answers (a room that
 * is not live, a participant not in it) gets its 503 after 3 s of simulated time: {@link VirtualTime#call}.
 */
@Timeout(30)
@LiveKitSimulatorTest(seed = 11, clock = ClockMode.MANUAL)
class RoomServiceTracksAndDataTest {

    private TwirpHttp twirp;
    private Track mic;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
        sim.admin().addParticipant("room-a", "alice", SimParticipant.human());
        mic = sim.admin().publishTrack("room-a", "alice", "mic", "AUDIO", "MICROPHONE");
    }

    private HttpResponse<String> call(String method, String body) {
        return twirp.json("livekit.RoomService/" + method, body, TwirpHttp.roomAdmin("room-a"));
    }

    @Test
    void should_return_the_muted_track_when_mute_published_track_names_it() {
        // GIVEN alice's microphone (published in start())
        // WHEN it is muted
        JsonNode track = okJson(call("MutePublishedTrack", "{\"room\":\"room-a\",\"identity\":\"alice\",\"trackSid\":\""
                + mic.sid() + "\",\"muted\":true}")).get("track");

        // THEN the track comes back muted, with enum names
        assertThat(track.get("sid").asText()).isEqualTo(mic.sid()).startsWith("TR_");
        assertThat(track.get("muted").asBoolean()).isTrue();
        assertThat(track.get("type").asText()).isEqualTo("AUDIO");
        assertThat(track.get("source").asText()).isEqualTo("MICROPHONE");
    }

    @Test
    void should_answer_unavailable_after_3_seconds_when_mute_names_a_participant_not_in_the_room(VirtualTime time) {
        // GIVEN / WHEN MutePublishedTrack for bob, who is not in the room (his RPC topic has no listener)
        Instant asked = time.now();
        HttpResponse<String> answer = time.call(() -> call("MutePublishedTrack", "{\"room\":\"room-a\","
                + "\"identity\":\"bob\",\"trackSid\":\"" + mic.sid() + "\",\"muted\":true}"));

        // THEN 503 "no response from servers", 3 s of simulated time later (measured on livekit-server 1.13.5)
        twirpError(answer, 503, "unavailable", "twirp error unknown: no response from servers");
        assertThat(time.now()).isEqualTo(asked.plusSeconds(3));
    }

    @Test
    void should_answer_not_found_when_the_track_or_a_subscriber_is_unknown() {
        // GIVEN / WHEN / THEN an unknown track to mute, then an unknown participant and an unknown track to subscribe
        twirpError(call("MutePublishedTrack", "{\"room\":\"room-a\",\"identity\":\"alice\",\"trackSid\":\"TR_nope\","
                + "\"muted\":true}"), 404, "not_found", "twirp error unknown: track is not found");
        twirpError(call("UpdateSubscriptions", "{\"room\":\"room-a\",\"identity\":\"bob\",\"trackSids\":[\""
                + mic.sid() + "\"],\"subscribe\":true}"), 404, "not_found", "twirp error unknown: participant does not exist");
        twirpError(call("UpdateSubscriptions", "{\"room\":\"room-a\",\"identity\":\"alice\",\"trackSids\":[\"TR_nope\"],"
                + "\"subscribe\":true}"), 404, "not_found", "twirp error unknown: track is not found");
    }

    @Test
    void should_answer_an_empty_object_when_update_subscriptions_names_known_tracks(LiveKitSimulator sim) {
        // GIVEN bob, who subscribes to alice's microphone
        sim.admin().addParticipant("room-a", "bob", SimParticipant.human());

        // WHEN / THEN
        JsonNode answer = okJson(call("UpdateSubscriptions", "{\"room\":\"room-a\",\"identity\":\"bob\",\"trackSids\":[\""
                + mic.sid() + "\"],\"subscribe\":true}"));
        assertThat(answer.size()).isZero();
    }

    @Test
    void should_accept_and_journal_the_data_when_send_data_is_called(LiveKitSimulator sim) {
        // GIVEN 5 bytes of data with a topic and a 16-byte nonce
        String data = Base64.getEncoder().encodeToString("hello".getBytes());
        String nonce = Base64.getEncoder().encodeToString(new byte[16]);

        // WHEN it is sent
        JsonNode answer = okJson(call("SendData", "{\"room\":\"room-a\",\"data\":\"" + data + "\",\"kind\":\"RELIABLE\","
                + "\"topic\":\"chat\",\"nonce\":\"" + nonce + "\"}"));

        // THEN {} and the journal has it
        assertThat(answer.size()).isZero();
        assertThat(sim.journal().events(DataSent.class)).containsExactly(new DataSent("room-a", 5, "chat"));
    }

    @Test
    void should_answer_invalid_argument_when_the_nonce_is_not_16_bytes() {
        // GIVEN / WHEN a 3-byte nonce
        String nonce = Base64.getEncoder().encodeToString(new byte[3]);

        // THEN the real handler's wording
        twirpError(call("SendData", "{\"room\":\"room-a\",\"data\":\"AA==\",\"nonce\":\"" + nonce + "\"}"),
                400, "invalid_argument", "nonce should be 16-bytes or not present, got: 3 bytes");
    }

    @Test
    void should_answer_unavailable_after_3_seconds_when_send_data_targets_a_room_that_is_not_live(VirtualTime time) {
        // GIVEN / WHEN SendData to a room nobody created (the real server's room RPC topic has no listener)
        Instant asked = time.now();
        HttpResponse<String> answer = time.call(() -> twirp.json("livekit.RoomService/SendData",
                "{\"room\":\"nope\",\"data\":\"AA==\"}", TwirpHttp.roomAdmin("nope")));

        // THEN 503, like ListDispatch on such a room, once the real server's retries would be over
        twirpError(answer, 503, "unavailable", "twirp error unknown: no response from servers");
        assertThat(time.now()).isEqualTo(asked.plusSeconds(3));
    }
}
