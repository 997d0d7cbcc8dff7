package dev.dispatchsim.internal.engine;

import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;
import dev.dispatchsim.journal.JournalEvent.WorkerRegistered;
import dev.dispatchsim.model.Job;
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

    /** A socket that only remembers that it was closed. */
    private static final class RecordingLink implements WorkerLink {
        volatile boolean closed;

        public void sendRegistered(String workerId, ServerInfo serverInfo) { }
        public void sendAvailability(Job job, boolean resuming) { }
        public void sendAssignment(Job job, String url, String token) { }
        public void sendTermination(String jobId) { }
        public void sendPong(long lastTimestamp, long timestamp) { }
        public void sendPing() { }
        public void answerInText(boolean text) { }
        public void close(int code, String reason) { closed = true; }
        public String describe() { return "recording link"; }
    }

    @Test
    void should_keep_the_new_worker_when_an_old_sockets_close_arrives_after_a_reset() {
        try (Engine engine = new Engine(new ManualClock(), EngineConfig.defaults(), (k, r, a, ans, p, now) -> "token",
                failure -> { })) {
            // GIVEN a worker from before a reset, and a new worker connected after it under the same journal id
            RecordingLink old = new RecordingLink();
            String oldHandle = engine.workers().connected(old, "devkey").join();
            engine.control().reset().join();
            RecordingLink fresh = new RecordingLink();
            String freshHandle = engine.workers().connected(fresh, "devkey").join();
            engine.workers().register(freshHandle, new WorkerRegistration(JobType.JT_ROOM, "stt-agent", "1", "", "", null, 0));
            engine.journal().await(WorkerRegistered.class, r -> true, WAIT);

            // WHEN the old socket's close notice arrives late
            engine.workers().closed(oldHandle, 1001, "simulator reset");

            // THEN it reaches nobody: the new worker stays registered and open
            assertThat(engine.control().workers().join()).hasSize(1);
            assertThat(fresh.closed).isFalse();
            assertThat(engine.journal().events(WorkerDisconnected.class)).isEmpty();
            assertThat(freshHandle).isNotEqualTo(oldHandle);
        }
    }
}
