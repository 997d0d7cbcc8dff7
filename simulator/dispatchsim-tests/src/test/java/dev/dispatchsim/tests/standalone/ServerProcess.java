package dev.dispatchsim.tests.standalone;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar in its own process, configured by env vars only, the way the Docker image's
 * entrypoint runs it. It gets its own process group (setsid) and its own port; {@link #close()}
 * always ends the process and everything it started (the group holds nothing else).
 */
final class ServerProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("dispatchsim.jar", "../dispatchsim/target/dispatchsim-standalone.jar")).toAbsolutePath();
    private static final Path LOGS = Path.of(System.getProperty("dispatchsim.itLogDir", "target/it-logs"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Runs a command from the Dockerfile (ENTRYPOINT or HEALTHCHECK) here: {@code java} is this JVM's
     * java, the image's jar path is the packaged jar; everything else is passed as written.
     */
    static List<String> asInImage(List<String> dockerCommand, String imageJarPath, String... extraArgs) {
        List<String> command = new ArrayList<>();
        for (String part : dockerCommand) {
            command.add(part.equals("java") ? JAVA : part.equals(imageJarPath) ? JAR.toString() : part);
        }
        command.addAll(List.of(extraArgs));
        return command;
    }

    /** Starts {@code command} with exactly {@code env} (plus PATH) as its environment, in its own process group. */
    static ServerProcess start(String name, List<String> command, Map<String, String> env) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: this test runs in `mvn verify`, after `package`");
        }
        List<String> full = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            full.add("/usr/bin/setsid"); // its own process group: a Ctrl-C aimed at the build does not race our shutdown
        }
        full.addAll(command);
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().putAll(env);
            int port = Integer.parseInt(env.getOrDefault("DISPATCHSIM_PORT", "7880"));
            return new ServerProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + full, e);
        }
    }

    /** A port free right now, for the server to bind (as the image binds its fixed 7880). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code GET /_sim/health} until 200, pacing on the process itself so an early exit is seen at once. */
    void awaitHealthy(String adminToken, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_sim/health"))
                .header("X-Admin-Token", adminToken).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the server exited with " + process.exitValue() + " before it was healthy:\n" + output());
            }
        }
        throw new AssertionError("the server was not healthy within " + timeout + "; last: " + last + "\n" + output());
    }

    /** SIGTERM (what {@code docker stop} sends), then the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server did not exit within " + timeout + " of SIGTERM\n" + output());
        }
        return process.exitValue();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not exit within " + timeout + "\n" + output());
        }
        return process.exitValue();
    }

    int port() {
        return port;
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Ends the whole group: every descendant, then the process itself. Safe to call twice. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
