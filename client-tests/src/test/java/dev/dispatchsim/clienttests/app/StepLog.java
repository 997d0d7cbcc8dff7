package dev.dispatchsim.clienttests.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The dispatcher's log of one session: what it called and saw, stamped with the time since the session began. */
final class StepLog {

    private final AppClock clock;
    private final Instant start;
    private final List<String> lines = new ArrayList<>();

    StepLog(AppClock clock) {
        this.clock = clock;
        this.start = clock.now();
    }

    void add(String line) {
        lines.add(String.format("+%.3fs %s", elapsed().toMillis() / 1000.0, line));
    }

    Duration elapsed() {
        return Duration.between(start, clock.now());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
