package dev.dispatchsim.tests.security;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.clock.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S8: a reader can always tell that the journal's ring evicted entries it asked for: every journal answer
 * says where the held entries start, and a {@code since} before that is a 410 saying how many are gone.
 */
@Timeout(30)
class JournalEvictionTest {

    @Test
    void should_say_how_many_entries_were_evicted_when_a_reader_asks_since_before_the_oldest_held() {
        // GIVEN a journal of capacity 10 that has seen many more entries
        try (LiveKitSimulator sim = LiveKitSimulator.builder().clock(new ManualClock()).journalCapacity(10).start()) {
            for (int i = 0; i < 15; i++) {
                sim.admin().addParticipant("r" + i, "p", SimParticipant.human()); // a room, a join, its implicit dispatch
            }
            long last = sim.journal().lastSeq();
            long oldest = last - 9;
            Http http = new Http(sim.httpUrl());

            // WHEN a reader asks for everything after seq 1, for all that is held, and awaits after seq 1
            HttpResponse<String> stale = http.get("/_sim/journal?since=1");
            HttpResponse<String> held = http.get("/_sim/journal");
            HttpResponse<String> staleAwait = http.get("/_sim/journal/await?since=1&timeout=1s");

            // THEN the stale reads are refused with the count and where to resume; the held read says where it starts
            assertThat(last).isGreaterThan(30);
            assertThat(sim.journal().oldestSeq()).isEqualTo(oldest);
            assertThat(stale.statusCode()).isEqualTo(410);
            assertThat(stale.body()).contains("\"error\":\"evicted\"").contains("\"evicted\":" + (oldest - 2))
                    .contains("\"oldestSeq\":" + oldest).contains("since=" + (oldest - 1));
            assertThat(staleAwait.statusCode()).isEqualTo(410);
            assertThat(held.statusCode()).isEqualTo(200);
            assertThat(held.headers().firstValue("X-Journal-Oldest-Seq")).hasValue(String.valueOf(oldest));
            assertThat(held.headers().firstValue("X-Journal-Last-Seq")).hasValue(String.valueOf(last));
            assertThat(held.body().lines()).hasSize(10);
            // AND the HTTP admin client reports the same as an AdminException
            SimulatorAdmin admin = SimulatorAdmin.http(sim.httpUrl());
            assertThatThrownBy(() -> admin.journal(JournalQuery.all().since(1))).isInstanceOf(AdminException.class)
                    .satisfies(e -> assertThat(((AdminException) e).status()).isEqualTo(410));
            assertThat(admin.journal(JournalQuery.all().since(oldest - 1))).hasSize(10);
            assertThatThrownBy(() -> sim.admin().awaitJournal(JournalQuery.all().since(1), Duration.ofSeconds(1)))
                    .isInstanceOf(AdminException.class)
                    .hasMessageContaining((oldest - 2) + " journal entries after seq 1 were evicted");
        }
    }
}
