package dev.dispatchsim.tests.reliability;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the load, churn and fault battery did, as a test the project runs itself: concurrent Twirp clients,
 * agent workers that come and go (some dropping their socket), fault profiles swapped under load and
 * resets between phases; then invariants from the journal. CI runs it small through the normal build;
 * {@code -Ddispatchsim.reliability.scale=20} runs it at full size (docs/security.md).
 */
@Tag("reliability")
@Timeout(900)
class ReliabilityTest {

    private static final int SCALE = Integer.getInteger("dispatchsim.reliability.scale", 1);
    private static final List<String> AGENTS = List.of("agent-a", "agent-b", "agent-c");
    private static final List<String> PROFILES = List.of("createroom-agents-dropped", "intermittent-drop",
            "false-running-status", "createdispatch-outage", "burst-degradation", "worker-socket-drop", "availability-timeout");
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Test
    void should_give_every_dispatch_an_outcome_and_answer_no_undeclared_5xx_when_clients_workers_and_profiles_churn()
            throws Exception {
        long threadsBefore = threadsNamed("dispatchsim-");
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(7).availabilityTimeout(Duration.ofSeconds(2)).start()) {
            SimulatorAdmin admin = SimulatorAdmin.http(sim.httpUrl());
            for (int phase = 0; phase < 2; phase++) {
                Map<Integer, Integer> statuses = runPhase(sim, admin, phase);

                // THEN no call got a 5xx that no fault rule declared; the engine still serves
                assertThat(statuses.keySet()).as("statuses seen: " + statuses).allSatisfy(status ->
                        assertThat(status).isIn(200, 400, 401, 404, 409, 412, 429, 503));
                assertThat(new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret())
                        .json("livekit.RoomService/ListRooms", "{}", TwirpHttp.roomList()).statusCode()).isEqualTo(200);
                // AND every dispatch the APIs created has a journaled outcome
                Outcomes outcomes = Outcomes.awaitAll(sim.journal(), SETTLE);
                assertThat(outcomes.missing()).as(outcomes.describe()).isEmpty();
                assertThat(outcomes.dispatches()).isPositive();

                admin.clearProfile();
                admin.reset();
            }
        }
        // AND the simulator's threads are gone, and the heap is back within a generous bound
        assertThat(threadsNamed("dispatchsim-")).isLessThanOrEqualTo(threadsBefore);
        System.gc();
        long usedMiB = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        assertThat(usedMiB).as("heap used after the run and a GC").isLessThan(1024);
    }

    /** One phase: clients, churning workers and profile swaps run together until the clients are done. */
    private static Map<Integer, Integer> runPhase(LiveKitSimulator sim, SimulatorAdmin admin, int phase) throws Exception {
        int clients = 4 * SCALE;
        int callsPerClient = 30 * SCALE;
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
        List<FakeAgentWorker> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * AGENTS.size(); i++) {
                workers.add(Sims.worker(sim, AGENTS.get(i % AGENTS.size())).connect());
            }
            List<Future<?>> calls = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                long seed = phase * 1000L + c;
                calls.add(pool.submit(() -> client(sim, new SplittableRandom(seed), callsPerClient, statuses)));
            }
            Future<?> churn = pool.submit(() -> churn(sim, workers, new SplittableRandom(phase), running));
            Future<?> swaps = pool.submit(() -> swapProfiles(admin, new SplittableRandom(phase + 100), running));
            for (Future<?> call : calls) {
                call.get(10, TimeUnit.MINUTES);
            }
            running.set(false);
            churn.get(1, TimeUnit.MINUTES);
            swaps.get(1, TimeUnit.MINUTES);
        } finally {
            running.set(false);
            pool.shutdownNow();
            synchronized (workers) {
                workers.forEach(FakeAgentWorker::close);
            }
        }
        return statuses;
    }

    private static void client(LiveKitSimulator sim, SplittableRandom random, int calls, Map<Integer, Integer> statuses) {
        TwirpHttp twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
        for (int i = 0; i < calls; i++) {
            String room = "room-" + random.nextInt(20);
            String agent = AGENTS.get(random.nextInt(AGENTS.size()));
            HttpResponse<String> answer = switch (random.nextInt(5)) {
                case 0, 1 -> twirp.json("livekit.RoomService/CreateRoom",
                        "{\"name\":\"" + room + "\",\"agents\":[{\"agentName\":\"" + agent + "\"}]}", TwirpHttp.roomCreate());
                case 2 -> twirp.json("livekit.AgentDispatchService/CreateDispatch",
                        "{\"room\":\"" + room + "\",\"agentName\":\"" + agent + "\"}", TwirpHttp.roomAdmin(room));
                case 3 -> twirp.json("livekit.AgentDispatchService/ListDispatch", "{\"room\":\"" + room + "\"}",
                        TwirpHttp.roomAdmin(room));
                default -> twirp.json("livekit.RoomService/DeleteRoom", "{\"room\":\"" + room + "\"}", TwirpHttp.roomCreate());
            };
            statuses.merge(answer.statusCode(), 1, Integer::sum);
        }
    }

    /** Replaces a random worker now and then: half the time it drops its socket without a close frame. */
    private static void churn(LiveKitSimulator sim, List<FakeAgentWorker> workers, SplittableRandom random, AtomicBoolean running) {
        while (running.get()) {
            synchronized (workers) {
                int victim = random.nextInt(workers.size());
                FakeAgentWorker leaving = workers.get(victim);
                if (random.nextBoolean()) {
                    leaving.disconnectAbruptly();
                } else {
                    leaving.close();
                }
                workers.set(victim, Sims.worker(sim, AGENTS.get(victim % AGENTS.size())).connect());
            }
        }
    }

    private static void swapProfiles(SimulatorAdmin admin, SplittableRandom random, AtomicBoolean running) {
        while (running.get()) {
            String name = PROFILES.get(random.nextInt(PROFILES.size()));
            String text = profileText(name);
            admin.loadProfile(text, name + ".yaml");
            admin.state(); // a round trip between swaps, so they are paced by the server rather than by a clock
        }
    }

    private static String profileText(String name) {
        try (var in = ReliabilityTest.class.getClassLoader().getResourceAsStream("dispatchsim/profiles/" + name + ".yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith(prefix)).count();
    }

}
