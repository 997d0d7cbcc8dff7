package dev.dispatchsim.tests.lifecycle;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.WorkerStatusUpdated;
import dev.dispatchsim.proto.WorkerStatus;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worker choice (reference 5.3): among WS_AVAILABLE workers below the target load, weighted by 1 − load,
 * drawn from the seeded generator, so the same seed and the same inputs pick the same workers.
 */
@Timeout(60)
class WeightedWorkerChoiceTest {

    private static final int JOBS = 40;

    /** Which worker (by registration order: 1 = load 0.1, 2 = load 0.5) got each of the jobs, in order. */
    private static List<Integer> run(long seed) {
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(seed).start();
             FakeAgentWorker light = Sims.worker(sim, "shared").connect();
             FakeAgentWorker heavy = Sims.worker(sim, "shared").connect()) {
            light.updateStatus(WorkerStatus.WS_AVAILABLE, 0.1f);
            sim.journal().await(WorkerStatusUpdated.class, u -> u.workerId().equals(light.workerId()), WAIT);
            heavy.updateStatus(WorkerStatus.WS_AVAILABLE, 0.5f);
            sim.journal().await(WorkerStatusUpdated.class, u -> u.workerId().equals(heavy.workerId()), WAIT);
            RoomApi api = new RoomApi(sim);
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                long before = sim.journal().lastSeq();
                api.createRoom("room-" + i, "[{\"agentName\":\"shared\"}]");
                JobAssigned assigned = (JobAssigned) sim.journal().awaitAfter(before,
                        e -> e.event() instanceof JobAssigned, WAIT, "job " + i + " assigned").event();
                chosen.add(assigned.workerId().equals(light.workerId()) ? 1 : 2);
            }
            return chosen;
        }
    }

    @Test
    void should_share_jobs_by_weight_and_repeat_the_same_choices_when_seed_is_the_same() {
        // GIVEN two workers for one agent at load 0.1 (weight 0.9) and 0.5 (weight 0.5)
        // WHEN 40 rooms are created one after the other, twice with seed 99
        List<Integer> first = run(99);
        List<Integer> second = run(99);

        // THEN both workers get jobs, the lighter one more (expected share 0.9 / 1.4 ≈ 64 %)
        long light = first.stream().filter(w -> w == 1).count();
        assertThat(light).isBetween(JOBS / 2L + 1, JOBS - 1L);

        // AND the second run picks exactly the same worker for every job
        assertThat(second).isEqualTo(first);

        // AND another seed draws another sequence
        assertThat(run(100)).isNotEqualTo(first);
    }
}
