package dev.dispatchsim.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** WireMock in this JVM with its default settings, serving the simulator's own CreateRoom answer as a canned body. */
final class Anchor implements AutoCloseable {

    static final String CREATE_ROOM = "/twirp/livekit.RoomService/CreateRoom";
    /** A CreateRoom answer as the simulator writes it (same length and shape). */
    static final String CANNED_ROOM = "{\"sid\":\"RM_x8c3Bm7QkWqZ\",\"name\":\"bench-room\",\"empty_timeout\":300,"
            + "\"departure_timeout\":20,\"max_participants\":0,\"creation_time\":\"1795680793\","
            + "\"creation_time_ms\":\"1795680793000\",\"turn_password\":\"\",\"enabled_codecs\":[{\"mime\":\"audio/opus\","
            + "\"fmtp_line\":\"\"},{\"mime\":\"audio/red\",\"fmtp_line\":\"\"},{\"mime\":\"video/VP8\",\"fmtp_line\":\"\"},"
            + "{\"mime\":\"video/H264\",\"fmtp_line\":\"\"},{\"mime\":\"video/VP9\",\"fmtp_line\":\"\"},{\"mime\":\"video/AV1\","
            + "\"fmtp_line\":\"\"}],\"metadata\":\"\",\"num_participants\":0,\"num_publishers\":0,\"active_recording\":false,"
            + "\"version\":null}";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    Anchor() {
        server.start();
        server.stubFor(post(urlEqualTo(CREATE_ROOM)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(CANNED_ROOM)));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
