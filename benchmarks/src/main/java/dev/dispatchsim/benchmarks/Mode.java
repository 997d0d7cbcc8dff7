package dev.dispatchsim.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How long and how often each row runs. {@code --quick} is the build's smoke run (all rows, tiny sizes,
 * well under a minute: it proves the harness works, its numbers mean little); full mode makes the README's table.
 */
record Mode(String name, int rounds, Duration warmUp, Duration window, List<Integer> concurrencies,
            int latencyCalls, List<Integer> workerCounts, int earlyMark, int lateMark, int rateWindow, int heapRooms,
            int startRounds) {

    static Mode quick() {
        return new Mode("quick", 1, Duration.ofMillis(300), Duration.ofMillis(700), List.of(1, 16, 64),
                200, List.of(10), 500, 2_000, 500, 500, 1);
    }

    static Mode full() {
        return new Mode("full", 5, Duration.ofSeconds(3), Duration.ofSeconds(5), List.of(1, 16, 64),
                5_000, List.of(10, 100), 1_000, 100_000, 5_000, 10_000, 10);
    }
}
