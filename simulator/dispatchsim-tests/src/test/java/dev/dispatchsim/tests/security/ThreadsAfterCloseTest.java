package dev.dispatchsim.tests.security;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S9: a simulator's threads never keep a JVM alive: while it runs they are daemons (Jetty's timer aside, which
 * stopping the server ends), and after {@code close()} none of its threads is left, within a bound.
 */
@Timeout(60)
class ThreadsAfterCloseTest {

    @Test
    void should_run_on_daemon_threads_and_leave_none_when_a_busy_simulator_is_closed() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        // GIVEN a simulator that served Twirp, a worker socket and a dispatch, with 20 admin long polls still open
        LiveKitSimulator sim = LiveKitSimulator.builder().start();
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        try (FakeAgentWorker worker = Sims.worker(sim, "a").connect()) {
            sim.admin().addParticipant("r", "alice", SimParticipant.human());
            new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret()).json("livekit.AgentDispatchService/CreateDispatch",
                    "{\"room\":\"r\",\"agentName\":\"a\"}", TwirpHttp.roomAdmin("r"));
            worker.nextAssignment(WAIT);
            for (int i = 0; i < 20; i++) {
                polls.add(client.sendAsync(HttpRequest.newBuilder(URI.create(sim.httpUrl()
                        + "/_sim/journal/await?type=RoomClosed&timeout=60s")).build(), HttpResponse.BodyHandlers.ofString()));
            }
            settle(sim, 20);
        }

        // THEN while it runs, its threads are daemons (but Jetty's own timer, which its stop ends), so none of
        // them can keep a JVM alive that is done with it
        assertThat(started(before).stream().filter(t -> !t.isDaemon()).filter(t -> !t.getName().startsWith("Scheduler-"))
                .map(ThreadsAfterCloseTest::describe).toList()).isEmpty();

        // WHEN it is closed
        sim.close();

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

    /**
     * Round trips to the server after the polls were sent, so that most of them are being served when it closes.
     * Only the demonstration on the old server (which held a thread per poll) depends on this; whether the polls
     * arrived or not, a closed simulator must leave no non-daemon thread.
     */
    private static void settle(LiveKitSimulator sim, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(new Http(sim.httpUrl()).get("/_sim/health").statusCode()).isEqualTo(200);
        }
    }

    private static String describe(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        return thread.getName() + " at " + (stack.length == 0 ? "?" : java.util.Arrays.toString(
                java.util.Arrays.copyOf(stack, Math.min(6, stack.length))));
    }

    private static List<String> names(List<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }
}
