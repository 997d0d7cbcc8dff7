package dev.dispatchsim.testkit;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The socket under a {@link FakeAgentWorker}: Java-WebSocket, Bearer token on the upgrade, binary frames. */
public final class WorkerClient {

    /** How the socket ended: close code and reason; {@code remote} is true when the server closed it. */
    public record Closed(int code, String reason, boolean remote) {
    }

    private final Client socket;
    private final Consumer<byte[]> onFrame;
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();

    WorkerClient(FakeWorkerSettings settings, Consumer<byte[]> onFrame) {
        this.onFrame = onFrame;
        URI uri = URI.create(settings.wsUrl().replaceFirst("^http", "ws") + "/agent");
        this.socket = new Client(uri, Map.of("Authorization", "Bearer " + settings.token()));
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

    Closed awaitClosed(Duration timeout) {
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
            // The real Node and Python workers ignore text frames; so does the fake.
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            byte[] frame = new byte[bytes.remaining()];
            bytes.get(frame);
            onFrame.accept(frame);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.complete(new Closed(code, reason, remote));
        }

        @Override
        public void onError(Exception failure) {
        }
    }
}
