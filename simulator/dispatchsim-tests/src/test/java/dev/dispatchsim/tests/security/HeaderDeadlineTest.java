package dev.dispatchsim.tests.security;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S7: a client that never finishes its request headers (slowloris: a header byte every two seconds, which
 * restarts any idle timeout) loses its connection at the header deadline (10 s) instead of keeping it
 * for as long as it likes; meanwhile the server answers everyone else.
 */
@Timeout(90)
class HeaderDeadlineTest {

    private static final int SOCKETS = 40;
    /** The deadline is 10 s; closing within this bound is all that is asserted, however loaded the machine. */
    private static final long BOUND_SECONDS = 40;

    @Test
    void should_close_connections_whose_headers_never_end_when_the_header_deadline_passes() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        ExecutorService readers = Executors.newFixedThreadPool(SOCKETS);
        List<Socket> sockets = new ArrayList<>();
        try (LiveKitSimulator sim = LiveKitSimulator.builder().start()) {
            // GIVEN 40 WebSocket upgrades whose headers trickle in and never end
            List<CompletableFuture<Integer>> closedByServer = new ArrayList<>();
            for (int i = 0; i < SOCKETS; i++) {
                Socket socket = new Socket("127.0.0.1", sim.port());
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /agent HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                closedByServer.add(CompletableFuture.supplyAsync(() -> readUntilClosed(in), readers));
            }
            trickle.scheduleAtFixedRate(() -> sockets.forEach(HeaderDeadlineTest::sendOneHeaderByte), 2, 2, TimeUnit.SECONDS);

            // WHEN the deadline passes
            CompletableFuture.allOf(closedByServer.toArray(CompletableFuture[]::new)).get(BOUND_SECONDS, TimeUnit.SECONDS);

            // THEN the server closed every one of them, and still answers a normal call
            assertThat(closedByServer).allSatisfy(c -> assertThat(c.join()).isEqualTo(-1));
            assertThat(new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret())
                    .json("livekit.RoomService/ListRooms", "{}", TwirpHttp.roomList()).statusCode()).isEqualTo(200);
        } finally {
            trickle.shutdownNow();
            readers.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** -1 once the server closed the connection (the deadline's close sends no answer, or a 408 first). */
    private static int readUntilClosed(InputStream in) {
        try {
            while (in.read() != -1) {
                // an error answer before the close is fine; the close is what counts
            }
            return -1;
        } catch (IOException reset) {
            return -1; // a reset is a close too
        }
    }

    private static void sendOneHeaderByte(Socket socket) {
        try {
            socket.getOutputStream().write('X');
            socket.getOutputStream().flush();
        } catch (IOException closed) {
            // the server closed it: what the test waits for
        }
    }
}
