package dev.dispatchsim.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code concurrency} platform threads, each sending its next call as soon as the
 * last one is answered, for a fixed time. Counts 200s; anything else is an error the row reports.
 */
final class ClosedLoop {

    /** One caller: makes one call and returns its HTTP status. */
    interface Call {
        int run(long sequence);
    }

    record Outcome(double perSecond, long ok, long failed) {
    }

    private ClosedLoop() {
    }

    static Outcome run(int concurrency, Duration duration, IntFunction<Call> callers) {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Call call = callers.apply(t);
            Thread thread = new Thread(() -> {
                long sequence = 0;
                while (!stop.get()) {
                    if (call.run(sequence++) == 200) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            }, "load-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        sleep(duration);
        stop.set(true);
        long okAtStop = ok.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return new Outcome(okAtStop / seconds, ok.get(), failed.get());
    }

    /** The load's own clock: the generator waits out the run's length (no test waits on this). */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
