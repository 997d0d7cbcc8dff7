package dev.dispatchsim.tests.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;

import static dev.dispatchsim.tests.support.TwirpAnswers.okJson;
import static dev.dispatchsim.tests.support.TwirpAnswers.twirpError;
import static org.assertj.core.api.Assertions.assertThat;

/** ListParticipants, GetParticipant, UpdateParticipant and RemoveParticipant over HTTP. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 11)
class RoomServiceParticipantsTest {

    private static final String PARTICIPANT_NOT_FOUND = "twirp error unknown: participant does not exist";

    private TwirpHttp twirp;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
        sim.admin().addParticipant("room-a", "alice", SimParticipant.human());
    }

    private HttpResponse<String> call(String method, String body) {
        return twirp.json("livekit.RoomService/" + method, body, TwirpHttp.roomAdmin("room-a"));
    }

    @Test
    void should_list_the_joined_participant_when_list_participants_is_called() {
        // GIVEN alice in room-a (joined in start())
        // WHEN the room's participants are listed
        JsonNode participants = okJson(call("ListParticipants", "{\"room\":\"room-a\"}")).get("participants");

        // THEN alice is there, shaped like ParticipantInfo with proto names and enum names
        assertThat(participants).hasSize(1);
        JsonNode alice = participants.get(0);
        assertThat(alice.get("sid").asText()).startsWith("PA_");
        assertThat(alice.get("identity").asText()).isEqualTo("alice");
        assertThat(alice.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(alice.get("kind").asText()).isEqualTo("STANDARD");
        assertThat(alice.get("joined_at").isTextual()).isTrue();
        assertThat(alice.get("permission").get("can_publish").asBoolean()).isTrue();
        assertThat(alice.get("tracks").isArray()).isTrue();
    }

    @Test
    void should_answer_an_empty_list_when_the_room_is_unknown() {
        // GIVEN / WHEN ListParticipants for a room that does not exist
        JsonNode answer = okJson(twirp.json("livekit.RoomService/ListParticipants", "{\"room\":\"nope\"}",
                TwirpHttp.roomAdmin("nope")));

        // THEN the store answers an empty list, not an error
        assertThat(answer.get("participants")).isEmpty();
    }

    @Test
    void should_return_the_participant_when_get_participant_names_it() {
        // GIVEN / WHEN
        JsonNode alice = okJson(call("GetParticipant", "{\"room\":\"room-a\",\"identity\":\"alice\"}"));

        // THEN
        assertThat(alice.get("identity").asText()).isEqualTo("alice");
    }

    @Test
    void should_answer_participant_not_found_when_the_identity_or_the_room_is_unknown() {
        // GIVEN / WHEN / THEN an unknown identity, and an unknown room: both read as an unknown participant
        twirpError(call("GetParticipant", "{\"room\":\"room-a\",\"identity\":\"bob\"}"), 404, "not_found",
                PARTICIPANT_NOT_FOUND);
        twirpError(twirp.json("livekit.RoomService/GetParticipant", "{\"room\":\"nope\",\"identity\":\"alice\"}",
                TwirpHttp.roomAdmin("nope")), 404, "not_found", PARTICIPANT_NOT_FOUND);
        twirpError(twirp.json("livekit.RoomService/RemoveParticipant", "{\"room\":\"nope\",\"identity\":\"alice\"}",
                TwirpHttp.roomAdmin("nope")), 404, "not_found", PARTICIPANT_NOT_FOUND);
        twirpError(twirp.json("livekit.RoomService/UpdateParticipant", "{\"room\":\"nope\",\"identity\":\"alice\"}",
                TwirpHttp.roomAdmin("nope")), 404, "not_found", PARTICIPANT_NOT_FOUND);
    }

    @Test
    void should_merge_attributes_and_keep_empty_fields_when_update_participant_is_called() {
        // GIVEN alice with two attributes
        call("UpdateParticipant", "{\"room\":\"room-a\",\"identity\":\"alice\",\"attributes\":{\"a\":\"1\",\"b\":\"2\"}}");

        // WHEN metadata is set, one attribute deleted (empty value), one added, name left empty, permission set
        JsonNode alice = okJson(call("UpdateParticipant", "{\"room\":\"room-a\",\"identity\":\"alice\","
                + "\"metadata\":\"md\",\"attributes\":{\"a\":\"\",\"c\":\"3\"},"
                + "\"permission\":{\"canSubscribe\":true,\"canPublish\":false}}"));

        // THEN the merged participant comes back
        assertThat(alice.get("metadata").asText()).isEqualTo("md");
        assertThat(alice.get("name").asText()).isEqualTo("alice");
        assertThat(alice.get("attributes").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("b", "c");
        assertThat(alice.get("permission").get("can_publish").asBoolean()).isFalse();
        assertThat(alice.get("version").asInt()).isGreaterThan(0);
    }

    @Test
    void should_remove_the_participant_and_answer_an_empty_object_when_remove_participant_succeeds() {
        // GIVEN / WHEN alice is removed
        JsonNode answer = okJson(call("RemoveParticipant", "{\"room\":\"room-a\",\"identity\":\"alice\"}"));

        // THEN {} and she is gone; removing her again is not_found
        assertThat(answer.size()).isZero();
        assertThat(okJson(call("ListParticipants", "{\"room\":\"room-a\"}")).get("participants")).isEmpty();
        twirpError(call("RemoveParticipant", "{\"room\":\"room-a\",\"identity\":\"alice\"}"), 404, "not_found",
                PARTICIPANT_NOT_FOUND);
    }
}
