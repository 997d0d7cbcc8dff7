package dev.dispatchsim.benchmarks;

import dev.dispatchsim.LiveKitSimulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dispatch path over real sockets: CreateDispatch over Twirp until the JobAssignment reaches a
 * connected worker, one at a time (latency) and as fast as it goes with many workers (sustained rate).
 */
final class DispatchRows {

    private static final String AGENT = "bench-agent";

    private DispatchRows() {
    }

    static Result latency(Mode mode) throws Exception {
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(2).start()) {
            Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
            BenchWorker worker = new BenchWorker(sim.httpUrl(), sim.apiKey(), sim.apiSecret(), AGENT,
                    (room, jobId, arrived) -> {
                        CompletableFuture<Long> waiting = pending.remove(room);
                        if (waiting != null) {
                            waiting.complete(arrived);
                        }
                    }).start();
            try {
                Twirp twirp = new Twirp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
                AtomicInteger names = new AtomicInteger();
                int perRound = Math.max(1, mode.latencyCalls() / mode.rounds());
                Samples warm = new Samples();
                // as many untimed calls as timed ones: on two cores the JIT needs thousands of calls to settle
                for (int i = 0; i < mode.latencyCalls(); i++) {
                    warm.add(dispatchMillis(twirp, pending, "warm-" + names.incrementAndGet()));
                    warm.add(getMillis(twirp));
                }
                Samples dispatch = new Samples();
                Samples get = new Samples();
                for (int round = 0; round < mode.rounds(); round++) {
                    for (int i = 0; i < perRound; i++) {
                        // interleaved call by call: both see the same machine at the same moment
                        dispatch.add(dispatchMillis(twirp, pending, "lat-" + names.incrementAndGet()));
                        get.add(getMillis(twirp));
                    }
                }
                double ratio = dispatch.median() / get.median();
                boolean met = dispatch.median() <= 1.0 && dispatch.percentile(99) <= 5.0 && ratio <= 3.0;
                return new Result("CreateDispatch → JobAssignment at a connected worker",
                        "p50 " + Result.fmt(dispatch.median()) + " ms, p99 " + Result.fmt(dispatch.percentile(99)) + " ms",
                        "GET / p50 " + Result.fmt(get.median()) + " ms, p99 " + Result.fmt(get.percentile(99)) + " ms",
                        ratio, "p50 ≤ 1 ms, p99 ≤ 5 ms, ≤ 3×", met, dispatch.size(),
                        "p99/p50 " + Result.fmt(dispatch.percentile(99) / dispatch.median()) + "×");
            } finally {
                worker.closeBlocking();
            }
        }
    }

    private static double dispatchMillis(Twirp twirp, Map<String, CompletableFuture<Long>> pending, String room)
            throws Exception {
        String token = twirp.roomAdminToken(room); // signed before the clock starts: the client's cost, not the server's
        CompletableFuture<Long> assigned = new CompletableFuture<>();
        pending.put(room, assigned);
        long start = System.nanoTime();
        int status = twirp.post("livekit.AgentDispatchService/CreateDispatch", token, Twirp.createDispatchBody(room, AGENT));
        if (status != 200) {
            throw new IllegalStateException("CreateDispatch answered " + status);
        }
        return (assigned.get(10, TimeUnit.SECONDS) - start) / 1e6;
    }

    private static double getMillis(Twirp twirp) {
        long start = System.nanoTime();
        int status = twirp.get("/");
        if (status != 200) {
            throw new IllegalStateException("GET / answered " + status);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * {@code workers} workers take every dispatch a 16-thread closed loop makes, each in a room of its own
     * (rooms are not deleted: history grows). The rate over {@code rateWindow} assignments starting at
     * {@code earlyMark} is the anchor; the rate over as many ending at {@code lateMark} is the figure (windows
     * of several seconds, so that one GC pause or a noisy neighbour does not decide the ratio). A throwaway
     * simulator takes a first load of the same shape, so that both windows run compiled code: the row
     * compares history, not the JIT's warm-up.
     */
    static Result sustained(Mode mode, int workers) throws Exception {
        int early = mode.earlyMark();
        int window = mode.rateWindow();
        int total = mode.lateMark();
        dispatchAll(workers, 10 * early, 30); // warm-up, untimed
        long[] arrivals = dispatchAll(workers, total + early, 3); // beyond the late window: the loop's tail is not in it
        int assigned = (int) arrivals[0];
        if (assigned < total) {
            return Result.skipped("sustained dispatches, " + workers + " workers",
                    "only " + assigned + " of " + total + " dispatches were assigned");
        }
        double earlyRate = window / ((arrivals[early + window] - arrivals[early]) / 1e9);
        double lateRate = window / ((arrivals[total] - arrivals[total - window]) / 1e9);
        boolean met = lateRate >= 5_000 && lateRate / earlyRate >= 0.9;
        return new Result("sustained dispatches (create + offer + answer + assign), " + workers + " workers, "
                + String.format("%,d", window) + " per window",
                Result.fmt(lateRate) + "/s up to " + String.format("%,d", total),
                Result.fmt(earlyRate) + "/s from " + String.format("%,d", early),
                lateRate / earlyRate, "≥ 5,000/s, ≥ 0.9×", met, 1, "");
    }

    /**
     * Issues {@code issued} dispatches from 16 threads to a fresh simulator with {@code workers} workers.
     * Returns the arrival time of the n-th assignment at index n, and at index 0 how many arrived.
     */
    private static long[] dispatchAll(int workers, int issued, long seed) throws Exception {
        long[] arrivals = new long[issued + 1];
        AtomicInteger assignedCount = new AtomicInteger();
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(seed).start()) {
            List<BenchWorker> pool = new ArrayList<>();
            try {
                for (int i = 0; i < workers; i++) {
                    pool.add(new BenchWorker(sim.httpUrl(), sim.apiKey(), sim.apiSecret(), AGENT, (room, jobId, arrived) -> {
                        int n = assignedCount.incrementAndGet();
                        if (n < arrivals.length) {
                            arrivals[n] = arrived;
                        }
                    }).start());
                }
                AtomicLong next = new AtomicLong();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    Twirp twirp = new Twirp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
                    Thread thread = new Thread(() -> {
                        for (long n = next.incrementAndGet(); n <= issued; n = next.incrementAndGet()) {
                            String room = "sus-" + n;
                            twirp.post("livekit.AgentDispatchService/CreateDispatch", twirp.roomAdminToken(room),
                                    Twirp.createDispatchBody(room, AGENT));
                        }
                    }, "dispatch-" + t);
                    thread.setDaemon(true);
                    threads.add(thread);
                    thread.start();
                }
                for (Thread thread : threads) {
                    thread.join(TimeUnit.MINUTES.toMillis(30));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (assignedCount.get() < issued && System.nanoTime() < deadline) {
                    ClosedLoop.sleep(java.time.Duration.ofMillis(20));
                }
            } finally {
                for (BenchWorker worker : pool) {
                    worker.closeBlocking();
                }
            }
        }
        arrivals[0] = Math.min(assignedCount.get(), issued);
        return arrivals;
    }
}
