package dev.dispatchsim.internal.webhook;

import dev.dispatchsim.internal.clock.WallClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of webhooks: one POST per attempt, never on the engine thread (the JDK client's own
 * threads do the I/O, and the answer comes back as a future). Headers as livekit-server sends them. The
 * client is made on the first send, so a simulator without webhooks starts no HTTP threads.
 */
final class WebhookHttp {

    static final String CONTENT_TYPE = "application/webhook+json";
    static final String USER_AGENT = "LiveKit";
    /** A receiver that has not answered by then counts as unreachable (and is retried). Wall time. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** What one attempt got: an HTTP status and its Retry-After header, or status 0 and why no answer came. */
    record Answer(int status, String retryAfter, String error, long latencyMillis) {
    }

    private HttpClient client;

    CompletableFuture<Answer> post(String url, byte[] body, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", USER_AGENT)
                .header("Authorization", authorization) // the bare JWT: livekit-server puts no "Bearer " in front
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long started = WallClock.nanoTime();
        return client().sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            long latency = TimeUnit.NANOSECONDS.toMillis(WallClock.nanoTime() - started);
            if (failure != null) {
                return new Answer(0, null, describe(failure), latency);
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), "", latency);
        });
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1) // as livekit-server's Go client speaks to an http:// receiver
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(REQUEST_TIMEOUT)
                    .build();
        }
        return client;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
