package dev.dispatchsim.tests.security;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S9: a closed simulator leaves no thread that keeps a JVM alive: right after {@code close()} returns, no
 * non-daemon thread it started is running, and within a bound none of its threads is left at all.
 */
@Timeout(60)
class ThreadsAfterCloseTest {

    @Test
    void should_leave_no_non_daemon_thread_when_a_simulator_that_served_every_surface_is_closed() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        // GIVEN a simulator that served Twirp, a worker socket, an admin await and a dispatch
        LiveKitSimulator sim = LiveKitSimulator.builder().start();
        try (FakeAgentWorker worker = Sims.worker(sim, "a").connect()) {
            sim.admin().addParticipant("r", "alice", SimParticipant.human());
            new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret()).json("livekit.AgentDispatchService/CreateDispatch",
                    "{\"room\":\"r\",\"agentName\":\"a\"}", TwirpHttp.roomAdmin("r"));
            worker.nextAssignment(WAIT);
            assertThat(new Http(sim.httpUrl()).get("/_sim/journal/await?type=JobAssigned&timeout=5s").statusCode()).isEqualTo(200);
        }

        // WHEN it is closed
        sim.close();

        // THEN none of its threads that would keep the JVM alive is running
        assertThat(started(before).stream().filter(t -> !t.isDaemon()).map(Thread::getName).toList()).isEmpty();
        // AND within a bound, none of its threads is left at all
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Thread thread : started(before)) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        assertThat(names(started(before))).isEmpty();
    }

    /** Threads alive now that were not before, and are the simulator's or its server's (not the JDK's HTTP client's). */
    private static List<Thread> started(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !before.contains(t))
                .filter(t -> !t.getName().startsWith("HttpClient-") && !t.getName().startsWith("ForkJoinPool")
                        && !t.getName().startsWith("WebSocket") && !t.getName().startsWith("connectionLostChecker"))
                .toList();
    }

    private static List<String> names(List<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }
}
