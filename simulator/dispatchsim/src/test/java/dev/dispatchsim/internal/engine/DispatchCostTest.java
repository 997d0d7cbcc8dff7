package dev.dispatchsim.internal.engine;

import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.model.AgentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dispatch must cost the same however much history the simulator has: the engine records a dispatch
 * visits (every walk over its rooms, workers and jobs, counted by {@link CountedMap}) are the same after
 * 10 and after 10,000 earlier dispatches. Counted, not timed: the machine's speed does not enter.
 */
@Timeout(120)
class DispatchCostTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void should_visit_as_many_records_per_dispatch_when_10000_dispatches_came_before_as_when_10_did() throws Exception {
        try (Engine engine = new Engine(new ManualClock(), EngineConfig.defaults(), (k, r, a, ans, p, now) -> "token",
                failure -> { })) {
            // GIVEN a worker that accepts every job, and 10 dispatches already assigned
            AutoAcceptLink worker = AutoAcceptLink.register(engine, "stt-agent");
            dispatchAndAssign(engine, worker, 0, 10);

            // WHEN one more dispatch is made, then 10,000 more, then one more
            long afterTen = visitsOfOneDispatch(engine, worker, "probe-a");
            dispatchAndAssign(engine, worker, 10, 10_010);
            long afterTenThousand = visitsOfOneDispatch(engine, worker, "probe-b");

            // THEN both probes visited the same number of records
            assertThat(engine.inspect(state -> state.jobs.size()).join()).isGreaterThanOrEqualTo(10_012);
            assertThat(afterTenThousand).isEqualTo(afterTen);
        }
    }

    private static void dispatchAndAssign(Engine engine, AutoAcceptLink worker, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            engine.createDispatch("room-" + i, new AgentRequest("stt-agent", "", "", Map.of())).join();
            worker.nextAssignment(WAIT);
        }
    }

    /** Visits from the CreateDispatch call until the job is assigned (offer, answer, assignment). */
    private static long visitsOfOneDispatch(Engine engine, AutoAcceptLink worker, String room) throws Exception {
        long before = engine.inspect(state -> state.visits.count).join();
        engine.createDispatch(room, new AgentRequest("stt-agent", "", "", Map.of())).join();
        worker.nextAssignment(WAIT);
        return engine.inspect(state -> state.visits.count).join() - before;
    }
}
