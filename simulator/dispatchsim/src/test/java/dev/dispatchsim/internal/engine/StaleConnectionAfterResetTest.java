package dev.dispatchsim.internal.engine;

import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;
import dev.dispatchsim.journal.JournalEvent.WorkerRegistered;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.WorkerRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reset closes every worker socket, but the transport's close notice for such a socket can arrive
 * after a new worker has connected and been numbered "conn-1" again. It must not close the new one.
 */
@Timeout(10)
class StaleConnectionAfterResetTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void should_keep_the_new_worker_when_an_old_sockets_close_arrives_after_a_reset() {
        try (Engine engine = new Engine(new ManualClock(), EngineConfig.defaults(), (k, r, a, ans, p, now) -> "token",
                failure -> { })) {
            // GIVEN a worker from before a reset, and a new worker connected after it under the same journal id
            ClosingOnlyLink old = new ClosingOnlyLink();
            String oldHandle = engine.workers().connected(old, "devkey").join();
            engine.control().reset().join();
            ClosingOnlyLink fresh = new ClosingOnlyLink();
            String freshHandle = engine.workers().connected(fresh, "devkey").join();
            engine.workers().register(freshHandle, new WorkerRegistration(JobType.JT_ROOM, "stt-agent", "1", "", "", null, 0));
            engine.journal().await(WorkerRegistered.class, r -> true, WAIT);

            // WHEN the old socket's close notice arrives late
            engine.workers().closed(oldHandle, 1001, "simulator reset");

            // THEN it reaches nobody: the new worker stays registered and open
            assertThat(engine.control().workers().join()).hasSize(1);
            assertThat(fresh.closed()).isFalse();
            assertThat(engine.journal().events(WorkerDisconnected.class)).isEmpty();
            assertThat(freshHandle).isNotEqualTo(oldHandle);
        }
    }
}
