package dev.dispatchsim.internal.admin;

/** The body of {@code POST /_sim/webhooks}: {@code {"url": "http://127.0.0.1:8080/hook"}}. */
record WebhookUrl(String url) {
}
