package dev.dispatchsim.internal.transport;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.LifeCycle;

import java.time.Duration;

/**
 * A deadline for reading request headers, which Jetty does not have: its idle timeout restarts with every
 * byte, so a client that trickles a header byte every few seconds (slowloris) keeps a connection, and with
 * enough of them the server, for as long as it likes. Every HTTP/1 connection is checked one
 * {@link #DEADLINE} after it opens and again every {@code DEADLINE}: one that has not finished the headers
 * of its first request by then, or is part-way through a request's headers and finished none in the last
 * period, is closed. A WebSocket, once upgraded, is no longer an HTTP/1 connection and is not checked.
 */
final class HeaderDeadline implements Connection.Listener {

    /** As Apache's mod_reqtimeout default ({@code header=10-20}) and common Go {@code ReadHeaderTimeout} settings. */
    static final Duration DEADLINE = Duration.ofSeconds(10);

    private final Duration deadline;

    private HeaderDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    /** Puts the deadline on every connector of {@code server}, once they exist (when the server starts). */
    static void install(Server server, Duration deadline) {
        HeaderDeadline listener = new HeaderDeadline(deadline);
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    connector.addEventListener(listener);
                }
            }
        });
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            arm(http, 0);
        }
    }

    private void arm(HttpConnection http, long requestsBefore) {
        http.getConnector().getScheduler().schedule(() -> check(http, requestsBefore), deadline);
    }

    private void check(HttpConnection http, long requestsBefore) {
        if (!http.getEndPoint().isOpen() || http.getEndPoint().getConnection() != http) {
            return; // closed, or upgraded to a WebSocket
        }
        long requests = http.getMessagesIn(); // counted when a request's headers are complete
        boolean firstNeverCame = requests == 0;
        boolean stuckInHeaders = requests == requestsBefore && http.getParser().inHeaderState() && !http.getParser().isStart();
        if (firstNeverCame || stuckInHeaders) {
            http.getEndPoint().close();
            return;
        }
        arm(http, requests);
    }
}
