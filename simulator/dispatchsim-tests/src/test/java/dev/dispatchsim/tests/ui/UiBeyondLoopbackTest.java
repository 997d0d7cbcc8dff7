package dev.dispatchsim.tests.ui;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.tests.support.RawAdminHttp;
import dev.dispatchsim.tests.ui.support.EventStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline UI of a simulator that listens beyond loopback: it takes the token the simulator generated. */
@Timeout(60)
class UiBeyondLoopbackTest {

    @Test
    void should_answer_401_until_the_generated_token_is_given_then_show_the_page_when_bound_beyond_loopback() {
        // GIVEN a simulator on every interface, given no admin token (so it generated one)
        try (LiveKitSimulator sim = LiveKitSimulator.builder().bind("0.0.0.0").start()) {
            RawAdminHttp http = new RawAdminHttp(sim.httpUrl());
            String token = sim.adminToken().orElseThrow();

            // WHEN the page, its feed and the report are asked for without the token
            HttpResponse<String> page = http.call("GET", "/_sim/ui");

            // THEN each is refused: the page with the login form
            assertThat(page.statusCode()).isEqualTo(401);
            assertThat(page.body()).contains("<form id=\"login\"");
            assertThat(http.call("GET", "/_sim/report").statusCode()).isEqualTo(401);
            try (EventStreamReader feed = EventStreamReader.open(sim.httpUrl() + "/_sim/ui/events")) {
                assertThat(feed.status()).isEqualTo(401);
            }

            // WHEN the generated token comes in the link
            HttpResponse<String> login = http.call("GET", "/_sim/ui?token=" + token);

            // THEN the session cookie opens the page and its feed
            assertThat(login.statusCode()).isEqualTo(303);
            String session = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertThat(http.withHeaders("GET", "/_sim/ui", "Cookie", session).statusCode()).isEqualTo(200);
            try (EventStreamReader feed = EventStreamReader.open(sim.httpUrl() + "/_sim/ui/events", "Cookie", session)) {
                assertThat(feed.status()).isEqualTo(200);
                feed.next("meta", Duration.ofSeconds(10));
            }
        }
    }
}
