package dev.dispatchsim.testkit;

import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The socket under a {@link FakeAgentWorker}: Java-WebSocket, the token on the upgrade (Bearer header,
 * or {@code access_token} in the query), binary and text frames, and WebSocket-level pings.
 */
final class WorkerClient {

    /** What the socket hands up to the worker. */
    interface Listener {
        void onBinary(byte[] frame);

        void onText(String frame);

        void onPing();
    }

    private final Client socket;
    private final Listener listener;
    private final CompletableFuture<FakeAgentWorker.Closed> closed = new CompletableFuture<>();

    WorkerClient(FakeWorkerSettings settings, Listener listener) {
        this.listener = listener;
        String base = settings.wsUrl().replaceFirst("^http", "ws") + "/agent";
        String query = settings.query();
        if (settings.tokenInQuery()) {
            query = (query.isEmpty() ? "" : query + "&") + "access_token=" + settings.token();
        }
        URI uri = URI.create(query.isEmpty() ? base : base + "?" + query);
        this.socket = new Client(uri, settings.tokenInQuery() ? Map.of()
                : Map.of("Authorization", "Bearer " + settings.token()));
    }

    void open(Duration timeout) {
        try {
            socket.connectBlocking(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void sendBinary(byte[] frame) {
        socket.send(frame);
    }

    void sendText(String frame) {
        socket.send(frame);
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    String closedState() {
        return closed.isDone() ? closed.join().toString() : "(not closed)";
    }

    FakeAgentWorker.Closed awaitClosed(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notClosed) {
            throw new AssertionError("the worker socket was not closed within " + timeout.toMillis() + " ms", notClosed);
        }
    }

    void dropConnection() {
        socket.getConnection().closeConnection(1006, "dropped by the test");
    }

    void closeGracefully() {
        if (socket.isOpen()) {
            socket.close(1000, "worker closing");
        }
    }

    private final class Client extends WebSocketClient {

        Client(URI uri, Map<String, String> headers) {
            super(uri, headers);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            listener.onText(message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            byte[] frame = new byte[bytes.remaining()];
            bytes.get(frame);
            listener.onBinary(frame);
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata frame) {
            listener.onPing();
            super.onWebsocketPing(conn, frame); // answers with a pong, as the ws library of the Node worker does
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.complete(new FakeAgentWorker.Closed(code, reason, remote));
        }

        @Override
        public void onError(Exception failure) {
        }
    }
}
