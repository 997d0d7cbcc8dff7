package dev.dispatchsim.internal.admin;

import java.util.List;

/** The answer of every {@code /_sim/webhooks} route: the webhook URLs in force. */
record WebhookUrls(List<String> urls) {

    WebhookUrls {
        urls = urls == null ? List.of() : List.copyOf(urls);
    }
}
