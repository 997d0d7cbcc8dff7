package dev.dispatchsim.internal.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The build's AppCDS training run (simulator/dispatchsim/pom.xml): starts the standalone server the way
 * {@code java -jar} does, waits for its first 200, makes one authenticated Twirp call, and exits, so that a
 * JVM started with {@code -XX:ArchiveClassesAtExit} archives the classes a start-up loads. A later
 * {@code java -XX:SharedArchiveFile=dispatchsim-standalone.jsa -jar dispatchsim-standalone.jar} maps them
 * instead of loading and verifying each again; a JVM that finds the archive missing or stale ignores it.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // Main prints "dispatchsim listening on ..." once the port is bound: the training waits for that line.
        CountDownLatch listening = new CountDownLatch(1);
        PrintStream out = new PrintStream(new OutputStream() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(int b) {
                if (b != '\n') {
                    line.append((char) b);
                } else if (line.toString().startsWith("dispatchsim listening on ")) {
                    listening.countDown();
                } else {
                    line.setLength(0);
                }
            }
        }, true);
        String[] serverArgs = {"--port", Integer.toString(port), "--log-level", "warn"};
        Thread server = new Thread(() -> Main.run(serverArgs, Map.of(), out, System.err), "cds-training-server");
        server.setDaemon(true);
        server.start();
        if (!listening.await(120, TimeUnit.SECONDS)) {
            System.err.println("dispatchsim AppCDS training: the server did not start");
            System.exit(1);
        }
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        if (status(http, HttpRequest.newBuilder(URI.create(base + "/")).GET().build()) != 200) {
            System.err.println("dispatchsim AppCDS training: GET / did not answer 200");
            System.exit(1);
        }
        // unauthenticated on purpose: the auth middleware and the plain-text answer are on every call's path
        status(http, HttpRequest.newBuilder(URI.create(base + "/twirp/livekit.RoomService/ListRooms"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        System.exit(0); // the shutdown hook closes the server (its classes are archived too), then the JVM dumps
    }

    private static int status(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
