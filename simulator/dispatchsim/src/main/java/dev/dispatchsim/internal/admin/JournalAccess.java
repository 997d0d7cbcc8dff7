package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.journal.JournalEntry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What the admin HTTP API needs of a journal beyond {@code SimulatorAdmin}: where the held entries start
 * and end (for the response headers), and an await that holds no thread while it waits, so that open
 * long polls cannot take the server's threads from the LiveKit APIs. {@link InProcessAdmin} serves it.
 */
interface JournalAccess {

    long oldestSeq();

    long lastSeq();

    /**
     * {@code SimulatorAdmin.awaitJournal} as a future. Bad arguments, evicted entries and too many open
     * awaits throw at once; a timeout fails the future with the same {@code AdminException} 504.
     */
    CompletableFuture<JournalEntry> awaitJournalAsync(JournalQuery query, Duration timeout);
}
