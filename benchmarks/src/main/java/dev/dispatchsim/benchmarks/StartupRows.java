package dev.dispatchsim.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dispatchsim.LiveKitSimulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** Start-up: a standalone process until its first 200, and a server started and closed inside this JVM. */
final class StartupRows {

    private StartupRows() {
    }

    /** {@code jvmOptions} for the simulator's process only (an AppCDS archive); WireMock runs as it comes. */
    static Result processStart(Mode mode, Processes processes, String label, List<String> jvmOptions) throws Exception {
        Samples a = new Samples();
        Samples b = new Samples();
        Samples ratios = new Samples();
        if (mode.startRounds() > 1) { // warm-up (full mode): the page cache holds both jars afterwards
            timeSimulator(processes, jvmOptions);
            timeWiremock(processes);
        }
        for (int round = 0; round < mode.startRounds(); round++) {
            double sim;
            double wiremock;
            if (round % 2 == 0) {
                sim = timeSimulator(processes, jvmOptions);
                wiremock = timeWiremock(processes);
            } else {
                wiremock = timeWiremock(processes);
                sim = timeSimulator(processes, jvmOptions);
            }
            a.add(sim);
            b.add(wiremock);
            ratios.add(sim / wiremock);
        }
        return Result.paired("standalone process start → first 200" + label, "ms", a, b, ratios, "≤ 0.5×",
                ratios.median() <= 0.5);
    }

    private static double timeSimulator(Processes processes, List<String> jvmOptions) throws Exception {
        long start = System.nanoTime();
        try (Processes.Server server = processes.simulator(jvmOptions)) {
            return Processes.millisToFirst200(server, start);
        }
    }

    private static double timeWiremock(Processes processes) throws Exception {
        long start = System.nanoTime();
        try (Processes.Server server = processes.wiremock()) {
            return Processes.millisToFirst200(server, start);
        }
    }

    /**
     * The build's AppCDS archive of the standalone jar; without one, an archive made here the way the Docker image
     * makes its own: one training run until healthy, stopped with SIGTERM so the JVM writes the archive. Null when
     * none could be made.
     */
    static Path appCdsArchive(Processes processes) throws Exception {
        Path built = processes.standaloneJar().resolveSibling("dispatchsim-standalone.jsa");
        if (Files.isRegularFile(built) && Files.size(built) > 0) {
            return built; // made by the build (simulator/dispatchsim/pom.xml), with this very jar
        }
        Path archive = Files.createTempDirectory("dispatchsim-bench-cds").resolve("dispatchsim.jsa");
        try (Processes.Server training = processes.simulator(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-XX:ArchiveClassesAtExit=" + archive))) {
            Processes.millisToFirst200(training, System.nanoTime());
        }
        return Files.isRegularFile(archive) && Files.size(archive) > 0 ? archive : null;
    }

    static Result inJvm(Mode mode) {
        for (int i = 0; i < 3; i++) { // warm-up: classes loaded and compiled on both sides
            simulatorStartClose();
            wiremockStartStop();
        }
        Samples a = new Samples();
        Samples b = new Samples();
        Samples ratios = new Samples();
        for (int round = 0; round < mode.startRounds() * 2; round++) {
            double sim;
            double wiremock;
            if (round % 2 == 0) {
                sim = simulatorStartClose();
                wiremock = wiremockStartStop();
            } else {
                wiremock = wiremockStartStop();
                sim = simulatorStartClose();
            }
            a.add(sim);
            b.add(wiremock);
            ratios.add(sim / wiremock);
        }
        return Result.paired("in-JVM start + close (LiveKitSimulator vs WireMockServer)", "ms", a, b, ratios, "≤ 0.5×",
                ratios.median() <= 0.5);
    }

    private static double simulatorStartClose() {
        long start = System.nanoTime();
        LiveKitSimulator.builder().start().close();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double wiremockStartStop() {
        long start = System.nanoTime();
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stop();
        return (System.nanoTime() - start) / 1e6;
    }
}
