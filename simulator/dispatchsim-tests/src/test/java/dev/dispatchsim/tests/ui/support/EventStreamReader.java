package dev.dispatchsim.tests.ui.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a server-sent event stream the way EventSource does (lines of {@code event:}, {@code data:},
 * {@code id:}, a blank line ends an event) on a thread of its own; a test takes events as they come, waiting
 * with a timeout, and sees when the server ends the stream.
 */
public final class EventStreamReader implements AutoCloseable {

    /** One event; {@code name} "message" when the server gave none. */
    public record Event(String name, String data, String id) {
    }

    private static final Event END = new Event("(end of stream)", "", null);

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final HttpResponse<Stream<String>> response;
    private final CompletableFuture<Void> reading;

    private EventStreamReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reading = CompletableFuture.runAsync(this::read);
    }

    /** Opens the stream; {@code headers} are name, value pairs (Last-Event-ID, a cookie, a token). */
    public static EventStreamReader open(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return new EventStreamReader(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException | InterruptedException failure) {
            throw new AssertionError("cannot open " + url + ": " + failure, failure);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event that matches, skipping others; fails naming what it saw when none comes in {@code timeout}. */
    public Event next(Predicate<Event> wanted, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event;
            try {
                event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
            if (event == null || event == END) {
                throw new AssertionError((event == END ? "the stream ended" : "no " + what + " within " + timeout)
                        + " waiting for " + what + "; seen: " + seen);
            }
            seen.add(event);
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    public Event next(String name, Duration timeout) {
        return next(e -> e.name().equals(name), timeout, "a '" + name + "' event");
    }

    /** Waits until the server ends the stream, skipping events on the way. */
    public void awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Event event;
        do {
            event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("the stream did not end within " + timeout + "; seen: " + seen);
            }
            seen.add(event);
        } while (event != END);
    }

    private void read() {
        String name = null;
        StringBuilder data = new StringBuilder();
        String id = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0 || name != null) {
                        events.add(new Event(name == null ? "message" : name, data.toString(), id));
                    }
                    name = null;
                    data.setLength(0);
                    id = null;
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                }
            }
        } catch (RuntimeException closed) {
            // the connection went away: that is the end of the stream too
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() {
        reading.cancel(true);
        response.body().close();
    }
}
