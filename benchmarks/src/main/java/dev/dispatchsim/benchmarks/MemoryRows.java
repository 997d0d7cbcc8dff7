package dev.dispatchsim.benchmarks;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.JobStatusUpdated;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Heap after a load whose rooms are all deleted again (in this JVM), and resident memory under load (processes). */
final class MemoryRows {

    private static final String AGENT = "heap-agent";
    /**
     * The journal is a ring kept for the whole run by design (it is the ground truth tests read), so its
     * filling up is not a leak. The row caps it small and fills it during the warm-up: both figures then
     * carry the same full ring, and the difference is what the rooms left behind.
     */
    private static final int JOURNAL_CAPACITY = 2_000;
    private static final int WARM_ROOMS = 500;

    private MemoryRows() {
    }

    /** Rooms with a dispatch each, assigned to a worker, then every room deleted: the heap should come back. */
    static Result heapAfterDelete(Mode mode) throws Exception {
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(4).journalCapacity(JOURNAL_CAPACITY).start()) {
            Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
            BenchWorker worker = new BenchWorker(sim.httpUrl(), sim.apiKey(), sim.apiSecret(), AGENT, (room, jobId, arrived) -> {
                CompletableFuture<String> waiting = pending.remove(room);
                if (waiting != null) {
                    waiting.complete(jobId);
                }
            }).start();
            try {
                // classes loaded, code compiled, the journal's ring full: not part of either figure
                roomsComeAndGo(sim, worker, pending, "warm", WARM_ROOMS);
                if (sim.journal().oldestSeq() <= 1) {
                    throw new IllegalStateException("the warm-up did not fill the journal's ring of " + JOURNAL_CAPACITY);
                }
                double baseline = usedHeapMiB();
                roomsComeAndGo(sim, worker, pending, "heap", mode.heapRooms());
                double after = usedHeapMiB();
                return new Result("heap after deleting every room (" + String.format("%,d", mode.heapRooms())
                        + " rooms with a dispatch each; journal ring of " + String.format("%,d", JOURNAL_CAPACITY)
                        + " entries full in both)", Result.fmt(after) + " MiB", Result.fmt(baseline) + " MiB before",
                        after / baseline, "≤ 1.10×", after / baseline <= 1.10, 1, "");
            } finally {
                worker.closeBlocking();
            }
        }
    }

    /** Each room: a dispatch, its assignment, DeleteRoom, then the agent's worker reports the job over. */
    private static void roomsComeAndGo(LiveKitSimulator sim, BenchWorker worker,
                                       Map<String, CompletableFuture<String>> pending, String prefix, int rooms)
            throws Exception {
        AtomicLong next = new AtomicLong();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            Twirp twirp = new Twirp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
            String deleteToken = twirp.roomCreateToken();
            threads[t] = new Thread(() -> {
                for (long n = next.incrementAndGet(); n <= rooms; n = next.incrementAndGet()) {
                    String room = prefix + "-" + n;
                    CompletableFuture<String> assigned = new CompletableFuture<>();
                    pending.put(room, assigned);
                    twirp.post("livekit.AgentDispatchService/CreateDispatch", twirp.roomAdminToken(room),
                            Twirp.createDispatchBody(room, AGENT));
                    String jobId;
                    try {
                        jobId = assigned.get(10, TimeUnit.SECONDS);
                    } catch (Exception notAssigned) {
                        throw new IllegalStateException("dispatch in " + room + " was not assigned", notAssigned);
                    }
                    twirp.post("livekit.RoomService/DeleteRoom", deleteToken, "{\"room\":\"" + room + "\"}");
                    // the real server does not end a job on DeleteRoom: the agent does, when its room is gone
                    worker.endJob(jobId);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // the worker's reports travel in order on one socket: once the last is journaled, all are
        String last = worker.lastEnded();
        sim.journal().await(JobStatusUpdated.class, update -> update.jobId().equals(last), Duration.ofSeconds(30));
    }

    private static double usedHeapMiB() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            ClosedLoop.sleep(Duration.ofMillis(100));
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /** Peak resident memory of the standalone simulator and of standalone WireMock under the same CreateRoom load. */
    static Result rssUnderLoad(Mode mode, Processes processes) throws Exception {
        Samples a = new Samples();
        Samples b = new Samples();
        Samples ratios = new Samples();
        for (int round = 0; round < mode.rounds(); round++) {
            double sim;
            double wiremock;
            if (round % 2 == 0) {
                sim = peakRss(processes.simulator(List.of()), mode);
                wiremock = peakRss(processes.wiremock(), mode);
            } else {
                wiremock = peakRss(processes.wiremock(), mode);
                sim = peakRss(processes.simulator(List.of()), mode);
            }
            a.add(sim);
            b.add(wiremock);
            ratios.add(sim / wiremock);
        }
        return Result.paired("peak RSS during a CreateRoom load (c = 16, standalone processes)", "MiB", a, b, ratios,
                "≤ 1.0×", ratios.median() <= 1.0);
    }

    private static double peakRss(Processes.Server server, Mode mode) {
        try (server) {
            Processes.millisToFirst200(server, System.nanoTime());
            ClosedLoop.run(16, mode.warmUp().plus(mode.window()), t -> {
                Twirp twirp = new Twirp(server.baseUrl(), "devkey", "secret");
                String token = twirp.roomCreateToken();
                AtomicLong names = new AtomicLong();
                return seq -> twirp.post("livekit.RoomService/CreateRoom", token,
                        Twirp.createRoomBody("rss-" + t + "-" + names.incrementAndGet()));
            });
            return server.peakRssMiB();
        }
    }
}
