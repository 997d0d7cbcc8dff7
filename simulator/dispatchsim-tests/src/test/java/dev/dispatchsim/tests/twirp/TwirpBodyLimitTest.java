package dev.dispatchsim.tests.twirp;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

import static dev.dispatchsim.tests.support.TwirpAnswers.okJson;
import static dev.dispatchsim.tests.support.TwirpAnswers.plainText;
import static dev.dispatchsim.tests.support.TwirpAnswers.twirpError;
import static dev.dispatchsim.tests.support.TwirpHttp.NODE_CONTENT_TYPE;
import static dev.dispatchsim.tests.support.TwirpHttp.PROTOBUF;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * limit.max_api_request_body_size (10 MiB) is a limited reader, as on livekit-server: a longer body, declared
 * or not, fails to decode, 400 malformed (measured on 1.13.5 for an 11 MiB JSON body), never a 413.
 */
@Timeout(60)
@LiveKitSimulatorTest(seed = 7)
class TwirpBodyLimitTest {

    private static final int LIMIT = 10 * 1024 * 1024;
    private static final String LIST_ROOMS = "/twirp/livekit.RoomService/ListRooms";

    private TwirpHttp twirp;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
    }

    /** A ListRoomsRequest whose single name makes the encoding exactly {@code size} bytes long. */
    private static byte[] listRoomsOfSize(int size) {
        int nameLength = size - 5; // tag (1 byte) + a 4-byte varint length for ~10 MiB
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write(0x0a);
        for (int value = nameLength; ; value >>>= 7) {
            if ((value & ~0x7f) == 0) {
                out.write(value);
                break;
            }
            out.write((value & 0x7f) | 0x80);
        }
        byte[] name = new byte[nameLength];
        Arrays.fill(name, (byte) 'a');
        out.writeBytes(name);
        return out.toByteArray();
    }

    @Test
    void should_answer_malformed_json_when_an_11_mib_json_body_declares_its_length() {
        // GIVEN / WHEN an 11 MiB JSON body with its Content-Length (as the measurement on livekit-server sent it)
        byte[] body = new byte[11 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        HttpResponse<String> response = twirp.request("POST", LIST_ROOMS, Map.of("Content-Type", NODE_CONTENT_TYPE,
                "Authorization", twirp.nodeBearer(TwirpHttp.roomList())), BodyPublishers.ofByteArray(body));

        // THEN the JSON decoder fails at the limit: a Twirp JSON error, not a 413
        twirpError(response, 400, "malformed", "the json request could not be decoded");
    }

    @Test
    void should_answer_malformed_when_a_protobuf_body_declares_a_length_over_10_mib() {
        // GIVEN / WHEN a protobuf body one byte over the limit, with its Content-Length, and no token at all
        HttpResponse<String> response = twirp.post("livekit.RoomService/ListRooms", PROTOBUF, new byte[LIMIT + 1], null);

        // THEN reading it fails with Twirp's protobuf wording, before any grant is checked
        twirpError(response, 400, "malformed", "failed to read request body");
    }

    @Test
    void should_answer_the_plain_text_401_first_when_an_over_long_body_carries_a_bad_token() {
        // GIVEN / WHEN an over-long body whose token is not a JWT: the auth middleware runs before the body is read
        HttpResponse<String> response = twirp.request("POST", LIST_ROOMS, Map.of("Content-Type", PROTOBUF,
                "Authorization", "Bearer not-a-jwt"), BodyPublishers.ofByteArray(new byte[LIMIT + 1]));

        // THEN
        plainText(response, 401, "invalid authorization token");
    }

    @Test
    void should_accept_the_body_when_it_is_exactly_10_mib() {
        // GIVEN a valid protobuf request of exactly 10 MiB
        byte[] body = listRoomsOfSize(LIMIT);
        assertThat(body).hasSize(LIMIT);

        // WHEN it is sent
        HttpResponse<byte[]> response = twirp.postBytes("livekit.RoomService/ListRooms", PROTOBUF, body,
                twirp.javaBearer(TwirpHttp.roomList()));

        // THEN it is handled normally
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
    }

    @Test
    void should_answer_malformed_when_a_chunked_json_body_goes_over_10_mib() {
        // GIVEN a JSON body of 10 MiB + 1 sent chunked, so no Content-Length announces it
        byte[] body = new byte[LIMIT + 1];
        Arrays.fill(body, (byte) ' ');

        // WHEN it is sent
        HttpResponse<String> response = twirp.request("POST", LIST_ROOMS, Map.of("Content-Type", NODE_CONTENT_TYPE,
                "Authorization", twirp.nodeBearer(TwirpHttp.roomList())), TwirpHttp.chunked(body));

        // THEN the read is cut at the limit and the JSON decoder fails, as behind Go's MaxBytesReader
        twirpError(response, 400, "malformed", "the json request could not be decoded");
    }

    @Test
    void should_answer_malformed_when_a_chunked_protobuf_body_goes_over_10_mib() {
        // GIVEN / WHEN an otherwise valid protobuf body one byte over, sent chunked
        HttpResponse<String> response = twirp.request("POST", LIST_ROOMS, Map.of("Content-Type", PROTOBUF,
                "Authorization", twirp.javaBearer(TwirpHttp.roomList())), TwirpHttp.chunked(listRoomsOfSize(LIMIT + 1)));

        // THEN reading the body fails
        twirpError(response, 400, "malformed", "failed to read request body");
    }

    @Test
    void should_answer_normally_when_a_small_body_is_chunked() {
        // GIVEN / WHEN a small chunked JSON body
        HttpResponse<String> response = twirp.request("POST", LIST_ROOMS, Map.of("Content-Type", NODE_CONTENT_TYPE,
                "Authorization", twirp.nodeBearer(TwirpHttp.roomList())), BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream("{}".getBytes())));

        // THEN it is read in full
        assertThat(okJson(response).path("rooms").isArray()).isTrue();
    }
}
