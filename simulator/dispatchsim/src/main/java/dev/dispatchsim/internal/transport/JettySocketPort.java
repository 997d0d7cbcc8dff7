package dev.dispatchsim.internal.transport;

import dev.dispatchsim.internal.worker.SocketPort;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A worker socket on Jetty: every send is asynchronous, so the engine thread never waits on the network. */
final class JettySocketPort implements SocketPort {

    /** RFC 6455 reserves 1006 for "closed without a close frame": it is produced by dropping the connection. */
    private static final int ABNORMAL = 1006;
    private static final int MAX_REASON_BYTES = 123;

    private final Session session;

    JettySocketPort(Session session) {
        this.session = session;
    }

    @Override
    public void sendBinary(byte[] frame) {
        if (session.isOpen()) {
            session.sendBinary(ByteBuffer.wrap(frame), Callback.NOOP);
        }
    }

    @Override
    public void sendText(String frame) {
        if (session.isOpen()) {
            session.sendText(frame, Callback.NOOP);
        }
    }

    @Override
    public void sendPing() {
        if (session.isOpen()) {
            session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (!session.isOpen()) {
            return;
        }
        if (code == ABNORMAL) {
            session.disconnect();
        } else {
            session.close(code, truncate(reason), Callback.NOOP);
        }
    }

    @Override
    public String describe() {
        return String.valueOf(session.getRemoteSocketAddress());
    }

    /** A close frame's reason may hold at most 123 bytes. */
    static String truncate(String reason) {
        if (reason == null) {
            return "";
        }
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return reason;
        }
        String cut = new String(bytes, 0, MAX_REASON_BYTES - 3, StandardCharsets.UTF_8);
        return cut.substring(0, Math.max(0, cut.length() - 1)) + "...";
    }
}
