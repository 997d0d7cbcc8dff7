package dev.dispatchsim.assertions;

import org.assertj.core.api.AbstractAssert;

import java.util.List;

/**
 * Assertions on the webhooks the simulator sent: to every URL, or to one ({@link #to}). Built from the
 * journal's webhook entries, so they see what the receiver was sent and answered, and what was dropped and why.
 */
public final class WebhooksAssert extends AbstractAssert<WebhooksAssert, List<String>> {

    private final Evidence evidence;
    private final String url;

    WebhooksAssert(List<String> urls, Evidence evidence, String url) {
        super(urls, WebhooksAssert.class);
        this.evidence = evidence;
        this.url = url;
    }

    /** Only the webhooks for {@code url}, one of the URLs in force or used before. */
    public WebhooksAssert to(String url) {
        List<String> known = WebhookMessages.knownUrls(evidence, actual);
        if (!known.contains(url)) {
            failWithMessage("%s", WebhookMessages.unknownUrl(url, known));
        }
        return new WebhooksAssert(actual, evidence, url);
    }

    /** At least one {@code event} (e.g. "participant_joined") was delivered: a receiver answered it 2xx or a non-retried 4xx. */
    public WebhookEventAssert hasDelivered(String event) {
        List<WebhookTrail> trails = WebhookTrail.of(evidence, url);
        List<WebhookTrail> delivered = trails.stream().filter(t -> t.event().equals(event) && t.isDelivered()).toList();
        if (delivered.isEmpty()) {
            failWithMessage("%s", WebhookMessages.notDelivered(destination(), event, trails));
        }
        return new WebhookEventAssert(delivered, trails, destination(), event);
    }

    /** No {@code event} was delivered (e.g. a fault dropped it). */
    public WebhooksAssert hasNotDelivered(String event) {
        List<WebhookTrail> delivered = WebhookTrail.of(evidence, url).stream()
                .filter(t -> t.event().equals(event) && t.isDelivered()).toList();
        if (!delivered.isEmpty()) {
            failWithMessage("%s", WebhookMessages.deliveredAfterAll(destination(), event, delivered));
        }
        return this;
    }

    private String destination() {
        return url == null ? "any webhook URL" : "'" + url + "'";
    }
}
