package dev.dispatchsim.clienttests.profiles;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clienttests.profiles.support.App;
import dev.dispatchsim.clienttests.profiles.support.Journals;
import dev.dispatchsim.clienttests.profiles.support.Workers;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.JournalEvent.AvailabilityRequested;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.FakeAgentWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static dev.dispatchsim.clienttests.profiles.support.Journals.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Profile ghost-worker (A7): the first-registered worker is chosen like any other but never answers; its jobs are lost after 10 s. */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "ghost-worker")
class GhostWorkerTest {

    private static final String AGENT = "stt-agent";
    private static final String RULE = "first-worker-is-a-ghost";

    private ManualClock clock;
    private LiveKitSimulator sim;
    private FakeAgentWorker ghost;
    private FakeAgentWorker healthy;

    @BeforeEach
    void start(LiveKitSimulator sim, ManualClock clock) {
        this.sim = sim;
        this.clock = clock;
        ghost = Workers.registered(sim, AGENT);
        healthy = Workers.registered(sim, AGENT);
    }

    @AfterEach
    void stop() {
        healthy.close();
        ghost.close();
    }

    @Test
    void should_lose_every_job_offered_to_the_first_worker_when_two_workers_serve_the_agent() {
        // WHEN the app creates six rooms with the agent
        App app = App.of(sim);
        List<String> rooms = IntStream.rangeClosed(1, 6).mapToObj(i -> "room-" + i).toList();
        rooms.forEach(room -> assertThat(app.createRoomWithAgent(room, AGENT, "").isSuccessful()).isTrue());

        // THEN the weighted choice sent some to the ghost (stalled, so journalled only as the fault) and some to the other
        List<String> ghostRooms = Journals.faultRooms(sim, RULE);
        List<String> healthyRooms = rooms.stream().filter(r -> !ghostRooms.contains(r)).toList();
        assertThat(ghostRooms).isNotEmpty();
        assertThat(healthyRooms).isNotEmpty();
        assertThat(Journals.faults(sim, RULE)).allSatisfy(f -> {
            assertThat(f.hookPoint()).isEqualTo("availability_request");
            assertThat(f.effect()).isEqualTo(new AppliedEffect.Stalled());
            assertThat(f.targets()).containsEntry("worker", ghost.workerId());
        });
        // AND the healthy worker gets and runs exactly its share
        for (int i = 0; i < healthyRooms.size(); i++) {
            healthy.nextAssignment(WAIT);
        }
        assertThat(Workers.offeredRooms(healthy)).isEqualTo(healthyRooms);

        // WHEN the server's availability timeout passes
        clock.advance(Duration.ofSeconds(10));

        // THEN each ghost job timed out on the ghost and was given up, not retried on the healthy worker
        List<String> ghostJobs = Journals.faults(sim, RULE).stream().map(f -> f.targets().get("job")).toList();
        assertThat(sim.journal().events(AvailabilityTimedOut.class))
                .allSatisfy(t -> assertThat(t.workerId()).isEqualTo(ghost.workerId()))
                .extracting(AvailabilityTimedOut::jobId).containsExactlyElementsOf(ghostJobs);
        assertThat(sim.journal().events(DispatchUndeliverable.class)).extracting(DispatchUndeliverable::room)
                .containsExactlyElementsOf(ghostRooms);
        assertThat(sim.journal().events(AvailabilityRequested.class))
                .allSatisfy(r -> assertThat(r.workerId()).isEqualTo(healthy.workerId()))
                .hasSize(healthyRooms.size());
        // AND the ghost itself never heard of any job
        assertThat(Workers.offeredJobIds(ghost)).isEmpty();
        ghostRooms.forEach(room -> assertThat(app.listDispatch(room).get(0).getState().getJobsList()).isEmpty());
    }
}
