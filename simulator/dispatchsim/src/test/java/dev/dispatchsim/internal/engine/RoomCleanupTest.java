package dev.dispatchsim.internal.engine;

import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.model.AgentRequest;
import dev.dispatchsim.model.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory returns: a room's jobs, dispatches and participants leave the engine's state with the room
 * (a job once its worker is done with it). Counted through the state, not by heap size.
 */
@Timeout(120)
class RoomCleanupTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** What the state still holds, reached from every map the engine keeps. */
    record Held(int rooms, int jobs, long dispatches, long participants, long runningJobs) {
        static Held of(SimState state) {
            long dispatches = state.rooms.values().stream().mapToLong(r -> r.dispatches.size()).sum()
                    + state.jobs.values().stream().filter(j -> j.dispatch != null).map(j -> j.dispatch).distinct().count();
            long participants = state.rooms.values().stream().mapToLong(r -> r.participants.size()).sum();
            long running = state.connections.values().stream().mapToLong(w -> w.runningJobs.size()).sum();
            return new Held(state.rooms.size(), state.jobs.size(), dispatches, participants, running);
        }
    }

    @Test
    void should_hold_no_job_dispatch_or_participant_when_10000_rooms_with_dispatches_were_deleted() throws Exception {
        ManualClock clock = new ManualClock();
        try (Engine engine = new Engine(clock, EngineConfig.defaults(), (k, r, a, ans, p, now) -> "token", failure -> { })) {
            // GIVEN a worker that accepts every job
            AutoAcceptLink worker = AutoAcceptLink.register(engine, "stt-agent");

            for (int i = 0; i < 10_000; i++) {
                // WHEN a room gets a dispatch, its job is assigned and its agent joins, then the room is deleted
                // and the agent's worker reports the job over (as an agent does when its room is gone)
                String room = "room-" + i;
                engine.createDispatch(room, new AgentRequest("stt-agent", "", "", Map.of())).join();
                Job job = worker.nextAssignment(WAIT);
                engine.inspect(state -> null).join(); // the assignment's engine step is over: the agent's join is scheduled
                clock.advance(EngineConfig.DEFAULT_AGENT_JOIN_DELAY.plusSeconds(1));
                if (i == 0) {
                    assertThat(engine.inspect(Held::of).join().participants()).isPositive(); // the agent did join
                }
                engine.deleteRoom(room).join();
                worker.reportEnded(job.id());
            }

            // THEN the engine holds no record of any of them
            assertThat(engine.inspect(Held::of).join()).isEqualTo(new Held(0, 0, 0, 0, 0));
        }
    }
}
