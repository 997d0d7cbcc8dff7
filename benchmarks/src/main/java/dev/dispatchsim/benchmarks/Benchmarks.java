package dev.dispatchsim.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the README's performance table in one process: each row side by side with its anchor, and prints it
 * as Markdown. {@code --quick} (the build's smoke run) or {@code --full} (the README's numbers);
 * {@code --standalone-jar PATH} for the process rows; {@code --only a,b} to run some rows (throughput,
 * latency, sustained, heap, rss, start, jvm-start).
 */
public final class Benchmarks {

    private static final Set<String> ROWS = Set.of("throughput", "latency", "sustained", "heap", "rss", "start", "jvm-start");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.quick();
        Path jar = Path.of("simulator/dispatchsim/target/dispatchsim-standalone.jar");
        Set<String> only = ROWS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick", "quick" -> mode = Mode.quick();
                case "--full", "full" -> mode = Mode.full();
                case "--standalone-jar" -> jar = Path.of(args[++i]);
                case "--only" -> only = Set.of(args[++i].split(","));
                default -> {
                    System.err.println("unknown argument '" + args[i] + "'; use --quick | --full, --standalone-jar PATH, "
                            + "--only " + String.join(",", ROWS));
                    System.exit(2);
                }
            }
        }
        Instant started = Instant.now();
        jar = jar.toAbsolutePath().normalize(); // the path the build's AppCDS archive was made with
        Processes processes = new Processes(jar);
        List<Result> results = new ArrayList<>();
        System.out.println("dispatchsim benchmarks, " + mode.name() + " mode, " + machine());
        if (only.contains("throughput")) {
            report(results, ThroughputRows.run(mode));
        }
        if (only.contains("latency")) {
            report(results, List.of(DispatchRows.latency(mode)));
        }
        if (only.contains("sustained")) {
            for (int workers : mode.workerCounts()) {
                report(results, List.of(DispatchRows.sustained(mode, workers)));
            }
        }
        if (only.contains("heap")) {
            report(results, List.of(MemoryRows.heapAfterDelete(mode)));
        }
        if (only.contains("rss") || only.contains("start")) {
            if (!processes.simulatorAvailable()) {
                report(results, List.of(Result.skipped("process rows", "no standalone jar at " + jar
                        + " (mvn -pl simulator/dispatchsim -am package -DskipTests)")));
            } else {
                if (only.contains("rss")) {
                    report(results, List.of(MemoryRows.rssUnderLoad(mode, processes)));
                }
                if (only.contains("start")) {
                    report(results, List.of(StartupRows.processStart(mode, processes, "", List.of())));
                    Path archive = StartupRows.appCdsArchive(processes);
                    String archiveLabel = archive != null && archive.startsWith(jar.toAbsolutePath().normalize().getParent())
                            ? " (AppCDS archive from the build)" : " (AppCDS archive made here)";
                    report(results, List.of(archive == null
                            ? Result.skipped("standalone start with AppCDS", "the training run wrote no archive")
                            : StartupRows.processStart(mode, processes, archiveLabel,
                                    List.of("-XX:SharedArchiveFile=" + archive))));
                }
            }
        }
        if (only.contains("jvm-start")) {
            report(results, List.of(StartupRows.inJvm(mode)));
        }
        System.out.println();
        System.out.println(Result.header());
        results.forEach(r -> System.out.println(r.markdown()));
        System.out.println();
        System.out.println("took " + Duration.between(started, Instant.now()).toSeconds() + " s");
        System.exit(0); // the WebSocket clients' and servers' threads are done; do not wait for stragglers
    }

    private static void report(List<Result> results, List<Result> rows) {
        rows.forEach(r -> System.out.println(r.markdown()));
        results.addAll(rows);
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " processors, Java " + System.getProperty("java.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    }
}
