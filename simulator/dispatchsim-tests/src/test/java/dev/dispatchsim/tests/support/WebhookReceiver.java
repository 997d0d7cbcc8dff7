package dev.dispatchsim.tests.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real HTTP server that records every webhook POST (headers and exact body bytes) and answers with
 * scripted statuses: the next of {@link #answer}'s list for each request, 200 once the list is used up.
 * Waits are by observation with a deadline.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body, int answeredWith) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name);
        }

        /** Standard padded base64 of the SHA-256 of the exact body: what the signature's sha256 claim must say. */
        public String bodySha256() {
            try {
                return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /** A scripted answer: a status and, if not null, a Retry-After header. */
    public record Answer(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Request> received = new ArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException cannotListen) {
            throw new UncheckedIOException(cannotListen);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    /** e.g. {@code http://127.0.0.1:PORT/livekit}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/livekit";
    }

    /** The next requests get these statuses, in order; then 200 again. */
    public synchronized WebhookReceiver answer(int... statuses) {
        for (int status : statuses) {
            script.add(new Answer(status, null));
        }
        return this;
    }

    public synchronized WebhookReceiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public synchronized List<Request> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} requests have arrived; returns them all. */
    public List<Request> awaitCount(int count, Duration timeout) {
        return awaitMatching(count, r -> true, timeout);
    }

    /** Waits until {@code count} requests matching {@code condition} have arrived; returns those. */
    public synchronized List<Request> awaitMatching(int count, Predicate<Request> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Request> matching = received.stream().filter(condition).toList();
            if (matching.size() >= count) {
                return matching;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + count
                        + " webhook request(s); got " + matching.size() + " of " + received.size() + ": "
                        + received.stream().map(Request::bodyText).toList());
            }
            try {
                wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for webhooks", interrupted);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        Answer answer;
        synchronized (this) {
            answer = script.isEmpty() ? new Answer(200, null) : script.poll();
            received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body,
                    answer.status()));
            notifyAll();
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
