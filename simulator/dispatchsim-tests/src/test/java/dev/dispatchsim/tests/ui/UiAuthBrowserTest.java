package dev.dispatchsim.tests.ui;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.ui.support.Browser;
import dev.dispatchsim.tests.ui.support.TimelinePage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The page in a real browser on a simulator that has an admin token: the login step, then the live page. */
@Tag("browser")
@Timeout(180)
class UiAuthBrowserTest {

    private static final String TOKEN = "browser-admin-token-815";

    @Test
    void should_ask_for_the_token_then_show_the_live_page_when_it_is_given_in_the_form() {
        try (LiveKitSimulator sim = LiveKitSimulator.builder().adminToken(TOKEN).start();
             Browser browser = Browser.open()) {
            // GIVEN a room already there
            new RoomApi(sim).createRoom("before-login", null);

            // WHEN the page is opened without the token
            browser.go(sim.httpUrl() + "/_sim/ui");

            // THEN it shows the login form instead of the timeline
            browser.await("the login form", d -> !browser.all("form#login").isEmpty());
            assertThat(browser.all("#timelines")).isEmpty();

            // WHEN the token is given in the form
            browser.one("#token").sendKeys(TOKEN);
            browser.one("#login-submit").click();

            // THEN the live page shows, at an address without the token, and follows the simulator
            TimelinePage page = new TimelinePage(browser).awaitReady();
            page.awaitRooms(List.of("before-login"));
            assertThat(browser.url()).isEqualTo(sim.httpUrl() + "/_sim/ui");
            browser.await("the feed live", d -> "live".equals(page.feed()));
            new RoomApi(sim).createRoom("after-login", null);
            page.awaitRooms(List.of("before-login", "after-login"));
            browser.screenshot("timeline-after-login");
            // the console logs the 401 of the first page load (what the browser does with any 401), nothing else
            assertThat(browser.consoleErrors()).singleElement().asString().contains("/_sim/ui", "401");
        }
    }

    @Test
    void should_take_the_token_from_a_link_and_drop_it_from_the_address_when_the_link_carries_it() {
        try (LiveKitSimulator sim = LiveKitSimulator.builder().adminToken(TOKEN).start();
             Browser browser = Browser.open()) {
            new RoomApi(sim).createRoom("linked", null);

            browser.go(sim.httpUrl() + "/_sim/ui?token=" + TOKEN);

            TimelinePage page = new TimelinePage(browser).awaitReady();
            page.awaitRooms(List.of("linked"));
            assertThat(browser.url()).isEqualTo(sim.httpUrl() + "/_sim/ui").doesNotContain(TOKEN);
            browser.await("the feed live", d -> "live".equals(page.feed()));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
