package dev.dispatchsim.internal.webhook;

import dev.dispatchsim.internal.auth.WebhookSigner;
import dev.dispatchsim.internal.engine.ListenerContext;
import dev.dispatchsim.internal.engine.WorldListener;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A simulator's webhooks from the outside: the configuration it starts with, the listener the engine
 * builds from it ({@link #listener}), and the run-time changes the admin API makes. Every change runs on
 * the engine thread, between two things that happen, so an event goes either to a URL or not at all.
 */
public final class Webhooks {

    private final WebhookSigner signer;
    private final List<String> startUrls;
    private final Supplier<Instant> wallClock;
    private volatile ListenerContext engine;
    private volatile WebhookNotifier notifier;

    /** @param startUrls already checked with {@link #checkUrl} */
    public Webhooks(WebhookSigner signer, List<String> startUrls, Supplier<Instant> wallClock) {
        this.signer = signer;
        this.startUrls = List.copyOf(startUrls);
        this.wallClock = wallClock;
    }

    /** The {@link WorldListener.Factory} for the engine: called once, while the engine is built. */
    public WorldListener listener(ListenerContext context) {
        Timers timers = new Timers(context);
        WebhookAttempts attempts = new WebhookAttempts(context, signer, new WebhookHttp(), timers, wallClock);
        this.engine = context;
        this.notifier = new WebhookNotifier(context, startUrls, timers, attempts);
        return notifier;
    }

    /** The API key the bodies are signed with (its secret signs them). */
    public String signingKey() {
        return signer.apiKey();
    }

    public List<String> startUrls() {
        return startUrls;
    }

    public List<String> urls() {
        return onEngine(() -> notifier.urls());
    }

    /** @throws IllegalArgumentException when {@code url} is not an absolute http or https URL */
    public List<String> add(String url) {
        String checked = checkUrl(url);
        return onEngine(() -> notifier.add(checked));
    }

    /** The URLs in force after removing {@code url}; empty when it was not one of them. */
    public Optional<List<String>> remove(String url) {
        return onEngine(() -> notifier.remove(url));
    }

    /**
     * {@code url} itself when it is an absolute http or https URL with a host (what livekit-server can POST to).
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static String checkUrl(String url) {
        String problem;
        if (url == null || url.isBlank()) {
            problem = "it is empty";
        } else {
            try {
                URI uri = new URI(url.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    problem = uri.getScheme() == null ? "it has no scheme" : "its scheme is '" + uri.getScheme() + "'";
                } else if (uri.getHost() == null) {
                    problem = "it has no host";
                } else {
                    return url.strip();
                }
            } catch (URISyntaxException malformed) {
                problem = "it is not a URL (" + malformed.getReason() + " at index " + malformed.getIndex() + ")";
            }
        }
        throw new IllegalArgumentException("webhook URL '" + url + "' is not valid: " + problem
                + "; give an absolute http or https URL, e.g. http://127.0.0.1:8080/livekit-webhook");
    }

    private <T> T onEngine(java.util.concurrent.Callable<T> command) {
        try {
            return engine.call(command).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw failed;
        }
    }

    @Override
    public String toString() {
        return "Webhooks[" + startUrls + ", signed with " + signer.apiKey() + "]";
    }
}
