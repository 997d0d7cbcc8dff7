package dev.dispatchsim.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Standalone servers as child processes (the simulator's relocated jar, WireMock's standalone jar), each
 * started with the same JVM and no extra options; their start-up time to a first 200 and their resident
 * memory as the kernel counts it.
 */
final class Processes {

    /** A started server: its process, its base URL and the path that answers 200 once it is up. */
    record Server(Process process, String baseUrl, String healthPath) implements AutoCloseable {

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        /** The largest resident set seen so far (VmHWM), in MiB; NaN where /proc is not there. */
        double peakRssMiB() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    }
                }
            } catch (IOException | NumberFormatException unreadable) {
                return Double.NaN;
            }
            return Double.NaN;
        }
    }

    private final Path standaloneJar;
    private final Path wiremockRoot;

    Processes(Path standaloneJar) throws IOException {
        this.standaloneJar = standaloneJar;
        this.wiremockRoot = Files.createTempDirectory("dispatchsim-bench-wiremock");
        Files.createDirectories(wiremockRoot.resolve("mappings"));
        Files.writeString(wiremockRoot.resolve("mappings/create-room.json"), "{\"request\":{\"method\":\"POST\",\"url\":\""
                + Anchor.CREATE_ROOM + "\"},\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":" + quote(Anchor.CANNED_ROOM) + "}}", StandardCharsets.UTF_8);
    }

    boolean simulatorAvailable() {
        return Files.isRegularFile(standaloneJar);
    }

    Path standaloneJar() {
        return standaloneJar;
    }

    /** Starts the simulator's standalone jar; {@code jvmOptions} go before {@code -jar}. */
    Server simulator(List<String> jvmOptions) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", standaloneJar.toString(), "--port", Integer.toString(port), "--log-level", "warn"));
        return new Server(start(command), "http://127.0.0.1:" + port, "/");
    }

    Server wiremock() throws IOException {
        int port = freePort();
        return new Server(start(List.of(java(), "-jar", wiremockJar().toString(), "--port", Integer.toString(port),
                "--bind-address", "127.0.0.1", "--disable-banner", "--root-dir", wiremockRoot.toString())),
                "http://127.0.0.1:" + port, "/__admin/mappings");
    }

    /** Milliseconds from the process's start until its health path first answers 200 (polled every 5 ms). */
    static double millisToFirst200(Server server, long startedNanos) {
        Twirp twirp = new Twirp(server.baseUrl(), "devkey", "secret");
        long deadline = startedNanos + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (twirp.get(server.healthPath()) == 200) {
                return (System.nanoTime() - startedNanos) / 1e6;
            }
            if (!server.process().isAlive()) {
                throw new IllegalStateException("the server exited with " + server.process().exitValue());
            }
            ClosedLoop.sleep(Duration.ofMillis(5));
        }
        throw new IllegalStateException("no 200 from " + server.baseUrl() + server.healthPath() + " within 60 s");
    }

    private static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path wiremockJar() {
        try {
            return Path.of(WireMockServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
