package dev.dispatchsim.internal.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

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

    public static void main(String[] args) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        String[] serverArgs = {"--port", Integer.toString(port), "--log-level", "warn"};
        Thread server = new Thread(() -> Main.run(serverArgs, Map.of(), quiet, System.err), "cds-training-server");
        server.setDaemon(true);
        server.start();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (status(http, HttpRequest.newBuilder(URI.create(base + "/")).GET().build()) != 200) {
            if (System.nanoTime() > deadline || !server.isAlive()) {
                System.err.println("dispatchsim AppCDS training: the server did not answer GET / with 200");
                System.exit(1);
            }
            Thread.sleep(20); // polling the server's start from outside: nothing in it to observe instead
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
