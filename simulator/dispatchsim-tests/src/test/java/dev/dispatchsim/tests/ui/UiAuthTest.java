package dev.dispatchsim.tests.ui;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.internal.admin.AdminJson;
import dev.dispatchsim.tests.support.RawAdminHttp;
import dev.dispatchsim.tests.ui.support.EventStreamReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline UI under the admin token: a browser cannot send the token as a header on a page load, so the
 * page takes it once (a link or the login form), sets a read-only session cookie, and redirects the token away.
 */
@Timeout(60)
class UiAuthTest {

    private static final String TOKEN = "ui-admin-token-4711";

    private final LiveKitSimulator sim = LiveKitSimulator.builder().adminToken(TOKEN).start();
    private final RawAdminHttp http = new RawAdminHttp(sim.httpUrl());

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void should_answer_401_with_the_login_form_when_the_page_is_opened_without_the_token() {
        HttpResponse<String> page = http.call("GET", "/_sim/ui");

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
        assertThat(page.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"dispatchsim admin\"");
        assertThat(page.body()).contains("<form id=\"login\" method=\"post\" action=\"/_sim/ui/login\"");
    }

    @Test
    void should_answer_401_to_the_feed_the_files_and_the_report_when_they_are_asked_for_without_the_token() {
        assertThat(http.call("GET", "/_sim/ui/assets/app.js").statusCode()).isEqualTo(401);
        assertThat(http.call("GET", "/_sim/report").statusCode()).isEqualTo(401);
        try (EventStreamReader feed = EventStreamReader.open(sim.httpUrl() + "/_sim/ui/events")) {
            assertThat(feed.status()).isEqualTo(401);
        }
    }

    @Test
    void should_refuse_a_wrong_token_without_repeating_it_when_it_comes_in_the_link_or_the_form() {
        HttpResponse<String> link = http.call("GET", "/_sim/ui?token=wrong-guess-1234");
        HttpResponse<String> form = http.call("POST", "/_sim/ui/login", "token=wrong-guess-5678",
                "application/x-www-form-urlencoded", null);

        for (HttpResponse<String> refused : java.util.List.of(link, form)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(refused.body()).contains("That token does not match").doesNotContain("wrong-guess");
        }
    }

    @Test
    void should_set_a_read_only_session_cookie_and_redirect_the_token_away_when_the_link_carries_the_token() {
        // WHEN the page is opened with the token in its link
        HttpResponse<String> login = http.call("GET", "/_sim/ui?token=" + TOKEN);

        // THEN it redirects to the page without the token, setting a cookie that does not hold the token
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/_sim/ui");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("dispatchsim_admin=").contains("; Path=/_sim/; HttpOnly; SameSite=Strict")
                .doesNotContain(TOKEN);
        assertThat(login.body()).doesNotContain(TOKEN);
        String session = cookie.substring(0, cookie.indexOf(';'));

        // AND with the cookie, everything that reads works: the page, its feed, the state, the report
        assertThat(http.withHeaders("GET", "/_sim/ui", "Cookie", session).statusCode()).isEqualTo(200);
        assertThat(http.withHeaders("GET", "/_sim/state", "Cookie", session).statusCode()).isEqualTo(200);
        assertThat(http.withHeaders("GET", "/_sim/report", "Cookie", session).statusCode()).isEqualTo(200);
        try (EventStreamReader feed = EventStreamReader.open(sim.httpUrl() + "/_sim/ui/events", "Cookie", session)) {
            assertThat(feed.status()).isEqualTo(200);
            feed.next("meta", Duration.ofSeconds(10));
        }

        // AND nothing that changes the simulator does: that still takes the token itself
        HttpResponse<String> reset = http.withHeaders("POST", "/_sim/reset", "Cookie", session);
        assertThat(reset.statusCode()).isEqualTo(401);
        assertThat(AdminJson.readMap(reset.body()).get("message").toString()).contains("only allows reading");
        assertThat(http.withHeaders("POST", "/_sim/reset", "X-Admin-Token", TOKEN).statusCode()).isEqualTo(204);
    }

    @Test
    void should_set_the_same_cookie_when_the_login_form_is_sent() {
        HttpResponse<String> form = http.call("POST", "/_sim/ui/login", "token=" + TOKEN, "application/x-www-form-urlencoded", null);
        HttpResponse<String> link = http.call("GET", "/_sim/ui?token=" + TOKEN);

        assertThat(form.statusCode()).isEqualTo(303);
        assertThat(form.headers().firstValue("Location")).hasValue("/_sim/ui");
        assertThat(form.headers().firstValue("Set-Cookie")).isEqualTo(link.headers().firstValue("Set-Cookie"));
    }

    @Test
    void should_just_redirect_when_no_token_is_set_and_the_link_carries_one() {
        try (LiveKitSimulator open = LiveKitSimulator.builder().start()) {
            HttpResponse<String> login = new RawAdminHttp(open.httpUrl()).call("GET", "/_sim/ui?token=anything");

            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Location")).hasValue("/_sim/ui");
            assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }
}
