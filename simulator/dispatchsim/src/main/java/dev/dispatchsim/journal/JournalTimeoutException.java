package dev.dispatchsim.journal;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A wait on the journal ran out; the message shows what was last seen, so the failure explains itself. */
public final class JournalTimeoutException extends RuntimeException {

    private static final int SHOWN = 15;

    public JournalTimeoutException(String awaited, Duration timeout, List<JournalEntry> seen) {
        super("timed out after " + timeout.toMillis() + " ms waiting for " + awaited + lastSeen(seen));
    }

    private static String lastSeen(List<JournalEntry> seen) {
        if (seen.isEmpty()) {
            return "; the journal is empty";
        }
        List<JournalEntry> tail = seen.subList(Math.max(0, seen.size() - SHOWN), seen.size());
        return "; last " + tail.size() + " of " + seen.size() + " journal entries:\n"
                + tail.stream().map(e -> "  #" + e.seq() + " " + e.virtualTime() + " " + e.event())
                .collect(Collectors.joining("\n"));
    }
}
