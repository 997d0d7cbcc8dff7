package dev.dispatchsim.internal.ui;

import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.internal.admin.EventStream;
import dev.dispatchsim.internal.engine.JournalRing;
import dev.dispatchsim.journal.JournalEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The live feed over a real journal, without HTTP: what a page is sent, and when the feed stops. */
@Timeout(30)
class JournalFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final UiStreams streams = new UiStreams();

    /** One event as the page gets it: "name id data". */
    private record Sent(String name, String id, String data) {
    }

    /** Records what the feed sends; answers false (the page went away) once {@code budget} events were sent. */
    private static final class Page implements EventStream.Sink {
        final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
        private int budget;

        Page(int budget) {
            this.budget = budget;
        }

        @Override
        public boolean event(String name, String data, String id) {
            sent.add(new Sent(name, id, data));
            return --budget > 0;
        }

        @Override
        public boolean comment(String text) {
            return budget > 0;
        }

        Sent next() throws InterruptedException {
            Sent next = sent.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(next).as("an event within %s", WAIT).isNotNull();
            return next;
        }
    }

    private static JournalRing journal(int capacity, int entries) {
        JournalRing journal = new JournalRing(new ManualClock(), capacity);
        for (int i = 1; i <= entries; i++) {
            journal.append(new JournalEvent.RoomCreated("room-" + i, "RM_" + i, "create_room"));
        }
        return journal;
    }

    private JournalFeed feed(JournalRing journal, String resumeFrom) {
        return new JournalFeed(journal, () -> "{\"seed\":1}", streams, Duration.ofMillis(200), resumeFrom);
    }

    @Test
    void should_say_which_entries_the_page_missed_when_they_left_the_journal_before_it_connected() throws Exception {
        // GIVEN a journal of capacity 3 that has written 5 entries
        JournalRing journal = journal(3, 5);
        Page page = new Page(3);

        // WHEN a page connects
        feed(journal, null).run(page);

        // THEN it gets the meta data, a gap for #1-#2, then #3-#5
        assertThat(page.next()).isEqualTo(new Sent("meta", null, "{\"seed\":1}"));
        assertThat(page.next()).isEqualTo(new Sent("gap", null, "{\"from\":1,\"to\":2}"));
        Sent entries = page.next();
        assertThat(entries.name()).isEqualTo("entries");
        assertThat(entries.id()).isEqualTo("0:5");
        assertThat(entries.data()).startsWith("[{\"seq\":3,").contains("\"seq\":5,").doesNotContain("\"seq\":2,");
    }

    @Test
    void should_send_a_long_journal_in_batches_when_a_page_catches_up() throws Exception {
        JournalRing journal = journal(10_000, JournalFeed.BATCH + 500);
        Page page = new Page(3);

        feed(journal, null).run(page);

        page.next();
        assertThat(page.next().id()).isEqualTo("0:" + JournalFeed.BATCH);
        assertThat(page.next().id()).isEqualTo("0:" + (JournalFeed.BATCH + 500));
    }

    @Test
    void should_resume_after_the_last_event_id_of_this_run_and_start_over_for_another_run_when_a_page_reconnects()
            throws Exception {
        JournalRing journal = journal(100, 5);

        Page resumed = new Page(2);
        feed(journal, "0:3").run(resumed);
        resumed.next();
        assertThat(resumed.next().data()).startsWith("[{\"seq\":4,");

        Page otherRun = new Page(2);
        feed(journal, "7:3").run(otherRun);
        otherRun.next();
        assertThat(otherRun.next().data()).startsWith("[{\"seq\":1,");
    }

    @Test
    void should_stop_waiting_and_leave_when_the_simulator_closes() throws Exception {
        // GIVEN a feed that has sent everything and waits for the journal to grow
        JournalRing journal = journal(100, 1);
        Page page = new Page(Integer.MAX_VALUE);
        Thread following = new Thread(() -> feed(journal, null).run(page), "feed-under-test");
        following.start();
        page.next();
        page.next();

        // WHEN the simulator closes its feeds
        streams.close();

        // THEN the feed has left, and no feed starts any more
        following.join(WAIT.toMillis());
        assertThat(following.isAlive()).isFalse();
        assertThat(streams.size()).isZero();
        Page late = new Page(1);
        feed(journal, null).run(late);
        assertThat(late.sent).isEmpty();
    }

    @Test
    void should_follow_new_entries_when_they_are_appended_after_the_page_connected() throws Exception {
        JournalRing journal = journal(100, 0);
        Page page = new Page(2);
        Thread following = new Thread(() -> feed(journal, null).run(page), "feed-under-test");
        following.start();
        assertThat(page.next().name()).isEqualTo("meta");

        journal.append(new JournalEvent.ProfileLoaded("p"));

        assertThat(page.next().data()).contains("\"type\":\"ProfileLoaded\"");
        following.join(WAIT.toMillis());
        assertThat(following.isAlive()).as("the feed left once the page was gone").isFalse();
    }
}
