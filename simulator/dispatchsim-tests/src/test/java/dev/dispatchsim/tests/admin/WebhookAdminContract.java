package dev.dispatchsim.tests.admin;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.WebhookAttempted;
import dev.dispatchsim.journal.JournalEvent.WebhookDropped;
import dev.dispatchsim.journal.JournalEvent.WebhooksChanged;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The webhook operations every {@link SimulatorAdmin} must offer alike, run against each implementation by a subclass. */
@Timeout(30)
abstract class WebhookAdminContract {

    static final Duration WAIT = Duration.ofSeconds(5);

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private LiveKitSimulator sim;

    /** The implementation under test, driving {@code sim}. */
    abstract SimulatorAdmin adminFor(LiveKitSimulator sim);

    SimulatorAdmin start(String... webhooks) {
        var builder = LiveKitSimulator.builder().seed(42).clock(new ManualClock());
        for (String url : webhooks) {
            builder.webhook(url);
        }
        sim = builder.start();
        return adminFor(sim);
    }

    @AfterEach
    void closeAll() {
        if (sim != null) {
            sim.close();
        }
        receiver.close();
    }

    @Test
    void should_list_add_and_remove_webhook_urls_when_changed_at_run_time() {
        // GIVEN a simulator started with one URL
        SimulatorAdmin admin = start("http://127.0.0.1:9/started-with");
        assertThat(admin.webhooks()).containsExactly("http://127.0.0.1:9/started-with");

        // WHEN a receiver's URL is added (twice: the second changes nothing) and the first removed
        assertThat(admin.addWebhook(receiver.url())).containsExactly("http://127.0.0.1:9/started-with", receiver.url());
        assertThat(admin.addWebhook(receiver.url())).hasSize(2);
        assertThat(admin.removeWebhook("http://127.0.0.1:9/started-with")).containsExactly(receiver.url());

        // THEN events go to the receiver, and the journal shows each change
        new RoomApi(sim).createRoom("hooked", null);
        assertThat(receiver.awaitCount(1, WAIT)).hasSize(1);
        assertThat(sim.journal().events(WebhooksChanged.class)).extracting(WebhooksChanged::urls)
                .containsExactly(List.of("http://127.0.0.1:9/started-with", receiver.url()), List.of(receiver.url()));
        sim.journal().await(WebhookAttempted.class, WebhookAttempted::delivered, WAIT);
    }

    @Test
    void should_go_back_to_the_urls_it_started_with_when_reset() {
        SimulatorAdmin admin = start("http://127.0.0.1:9/started-with");
        admin.addWebhook(receiver.url());

        admin.reset();

        assertThat(admin.webhooks()).containsExactly("http://127.0.0.1:9/started-with");
    }

    @Test
    void should_drop_what_was_queued_for_a_url_when_it_is_removed() {
        // GIVEN a receiver whose answers are retried (503), with events queued behind the first
        receiver.answer(503, 503, 503, 503, 503);
        SimulatorAdmin admin = start();
        admin.addWebhook(receiver.url());
        new RoomApi(sim).createRoom("busy", null);
        new RoomApi(sim).deleteRoom("busy");
        sim.journal().await(WebhookAttempted.class, a -> a.attempt() == 1, WAIT);

        // WHEN the URL is removed
        assertThat(admin.removeWebhook(receiver.url())).isEmpty();

        // THEN room_finished, which waited behind room_started's retries, is dropped, saying why
        assertThat(sim.journal().events(WebhookDropped.class)).singleElement().satisfies(d -> {
            assertThat(d.event()).isEqualTo("room_finished");
            assertThat(d.reason()).isEqualTo("the webhook URL was removed");
        });
    }

    @Test
    void should_answer_400_for_a_url_that_is_not_http_and_404_naming_the_urls_when_removing_an_unknown_one() {
        SimulatorAdmin admin = start(receiver.url());

        AdminException invalid = catchThrowableOfType(AdminException.class, () -> admin.addWebhook("ftp://example.com/x"));
        AdminException relative = catchThrowableOfType(AdminException.class, () -> admin.addWebhook("/hooks"));
        AdminException unknown = catchThrowableOfType(AdminException.class, () -> admin.removeWebhook("http://nope/x"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.error()).isEqualTo("invalid_argument");
        assertThat(invalid.getMessage()).isEqualTo("webhook URL 'ftp://example.com/x' is not valid: its scheme is 'ftp';"
                + " give an absolute http or https URL, e.g. http://127.0.0.1:8080/livekit-webhook");
        assertThat(relative.getMessage()).contains("it has no scheme");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("not_found");
        assertThat(unknown.getMessage()).isEqualTo("no webhook URL 'http://nope/x'; configured: [" + receiver.url() + "]");
        assertThat(admin.webhooks()).containsExactly(receiver.url());
    }
}
