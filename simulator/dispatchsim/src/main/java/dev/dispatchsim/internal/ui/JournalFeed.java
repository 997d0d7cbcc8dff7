package dev.dispatchsim.internal.ui;

import dev.dispatchsim.internal.admin.AdminJson;
import dev.dispatchsim.internal.admin.EventStream;
import dev.dispatchsim.internal.engine.JournalRing;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The live page's feed, as server-sent events: {@code meta} (seed, clock, profile) first and whenever a
 * profile is loaded, then {@code entries} (a JSON array of journal lines, the admin export's format) as they
 * are appended, {@code reset} when the journal was cleared, {@code gap} when entries left the journal (its
 * capacity) before the page saw them. It waits on the journal, so nothing is polled; a comment every
 * {@code heartbeat} notices a page that went away. Event ids are "resets:seq", so a reconnecting
 * EventSource (Last-Event-ID) resumes where it was, or starts over after a reset.
 */
final class JournalFeed implements EventStream {

    /** Entries per event: a page catching up with a long journal gets it in pieces it can draw between. */
    static final int BATCH = 2000;

    private final JournalRing journal;
    private final Supplier<String> meta;
    private final UiStreams streams;
    private final Duration heartbeat;
    private final String resumeFrom;

    JournalFeed(JournalRing journal, Supplier<String> meta, UiStreams streams, Duration heartbeat, String resumeFrom) {
        this.journal = journal;
        this.meta = meta;
        this.streams = streams;
        this.heartbeat = heartbeat;
        this.resumeFrom = resumeFrom;
    }

    @Override
    public void run(Sink sink) {
        if (!streams.enter()) {
            return;
        }
        try {
            follow(sink);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            streams.leave();
        }
    }

    private void follow(Sink sink) throws InterruptedException {
        long resets = journal.resets();
        long sent = resumedSeq(resets);
        if (!sink.event("meta", meta.get(), null)) {
            return;
        }
        while (!streams.closed()) {
            if (journal.resets() != resets) {
                resets = journal.resets();
                sent = 0;
                if (!sink.event("reset", "{}", id(resets, 0)) || !sink.event("meta", meta.get(), null)) {
                    return;
                }
            }
            List<JournalEntry> fresh = journal.since(sent);
            if (journal.resets() != resets) {
                continue; // a reset came in between: these entries belong to the next run
            }
            if (fresh.isEmpty()) {
                if (!journal.awaitChange(sent, resets, heartbeat) && !sink.comment("waiting for journal entries")) {
                    return;
                }
                continue;
            }
            if (fresh.get(0).seq() > sent + 1
                    && !sink.event("gap", "{\"from\":" + (sent + 1) + ",\"to\":" + (fresh.get(0).seq() - 1) + "}", null)) {
                return;
            }
            for (int from = 0; from < fresh.size(); from += BATCH) {
                List<JournalEntry> batch = fresh.subList(from, Math.min(fresh.size(), from + BATCH));
                String lines = batch.stream().map(AdminJson::journalLine).collect(Collectors.joining(",", "[", "]"));
                if (!sink.event("entries", lines, id(resets, batch.get(batch.size() - 1).seq()))) {
                    return;
                }
            }
            sent = fresh.get(fresh.size() - 1).seq();
            if (fresh.stream().anyMatch(e -> e.event() instanceof JournalEvent.ProfileLoaded) && !sink.event("meta", meta.get(), null)) {
                return;
            }
        }
    }

    /** Where a reconnecting page left off: its last id, if it is from this run of the journal; else the start. */
    private long resumedSeq(long resets) {
        if (resumeFrom == null) {
            return 0;
        }
        String[] parts = resumeFrom.strip().split(":", 2);
        try {
            if (parts.length == 2 && Long.parseLong(parts[0]) == resets) {
                return Math.max(0, Math.min(Long.parseLong(parts[1]), journal.lastSeq()));
            }
            return parts.length == 1 ? Math.max(0, Long.parseLong(parts[0])) : 0;
        } catch (NumberFormatException notOurs) {
            return 0;
        }
    }

    private static String id(long resets, long seq) {
        return resets + ":" + seq;
    }
}
