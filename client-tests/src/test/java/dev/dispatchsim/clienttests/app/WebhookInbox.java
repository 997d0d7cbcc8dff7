package dev.dispatchsim.clienttests.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.livekit.server.WebhookReceiver;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitWebhook.WebhookEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The app's webhook endpoint, as a backend writes it: every POST goes through the Java SDK's own
 * {@link WebhookReceiver} (signature, body hash, decoding); a verified event is kept and answered 200,
 * anything else is answered 401 and kept aside. The raw requests are kept too, so a test can replay them.
 */
public final class WebhookInbox implements AutoCloseable {

    /** One request as it came: the exact body and its Authorization header. */
    public record Raw(byte[] body, String authorization) {
    }

    private final WebhookReceiver verifier;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "webhook-inbox");
        thread.setDaemon(true);
        return thread;
    });
    private final List<WebhookEvent> events = new ArrayList<>();
    private final List<Raw> raw = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();

    public WebhookInbox(String apiKey, String apiSecret) {
        verifier = new WebhookReceiver(apiKey, apiSecret);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException cannotListen) {
            throw new UncheckedIOException(cannotListen);
        }
        server.createContext("/livekit/webhook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/livekit/webhook";
    }

    public synchronized List<WebhookEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<Raw> raw() {
        return List.copyOf(raw);
    }

    /** Why each refused request was refused (the SDK's exception message). */
    public synchronized List<String> rejected() {
        return List.copyOf(rejected);
    }

    /** The agent participant of that agent name whose participant_joined arrived for {@code room}, if one did. */
    public synchronized Optional<ParticipantInfo> agentJoined(String room, String agentName) {
        return events.stream().filter(e -> e.getEvent().equals("participant_joined") && e.getRoom().getName().equals(room))
                .map(WebhookEvent::getParticipant)
                .filter(p -> p.getKind() == ParticipantInfo.Kind.AGENT
                        && agentName.equals(p.getAttributesMap().get(AgentDispatcher.AGENT_NAME_ATTRIBUTE)))
                .findFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        int status;
        synchronized (this) {
            raw.add(new Raw(body, authorization));
            try {
                events.add(verifier.receive(new String(body, StandardCharsets.UTF_8), authorization));
                status = 200;
            } catch (Exception refused) {
                rejected.add(String.valueOf(refused.getMessage()));
                status = 401;
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
