package dev.dispatchsim.clienttests.profiles;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clienttests.profiles.support.App;
import dev.dispatchsim.clienttests.profiles.support.Workers;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.JobCreated;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.AvailabilityRequest;
import dev.dispatchsim.proto.AvailabilityResponse;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.testkit.AvailabilityPolicy;
import dev.dispatchsim.testkit.FakeAgentWorker;
import livekit.LivekitAgentDispatch.AgentDispatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static dev.dispatchsim.clienttests.profiles.support.Journals.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profile burst-degradation (A18): offers are dropped only while at least 5 dispatches are in flight
 * (30 %), more at 10 or more (~49 %). The worker holds its answers until every dispatch was offered,
 * so the k-th offer sees exactly k in flight whatever order the concurrent calls arrive in.
 */
@Timeout(60)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "burst-degradation")
class BurstDegradationTest {

    private static final String AGENT = "stt-agent";
    private static final int BURST = 12;
    private static final List<String> RULES = List.of("heavy-burst-extra-drop", "burst-drop");

    private LiveKitSimulator sim;
    private App app;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        this.sim = sim;
        app = App.of(sim);
    }


    @Test
    void should_drop_offers_only_beyond_five_in_flight_when_twelve_dispatches_are_created_at_once() throws Exception {
        try (FakeAgentWorker worker = Workers.builder(sim, AGENT).policy(AvailabilityPolicy.ignore()).connect()) {
            // WHEN the app fires twelve CreateDispatch calls at once
            List<String> rooms = IntStream.rangeClosed(1, BURST).mapToObj(i -> "burst-" + i).toList();
            List<Response<AgentDispatch>> responses = concurrently(rooms);

            // THEN every call succeeds
            assertThat(responses).allSatisfy(r -> assertThat(r.isSuccessful()).isTrue());
            // AND the journal drops nothing among the first four offers, and some beyond
            List<String> jobsInOfferOrder = sim.journal().events(JobCreated.class).stream()
                    .filter(j -> j.agentName().equals(AGENT)).map(JobCreated::jobId).toList();
            List<FaultApplied> drops = sim.journal().events(FaultApplied.class);
            assertThat(drops).isNotEmpty().allSatisfy(f -> {
                assertThat(RULES).contains(f.rule());
                assertThat(jobsInOfferOrder.indexOf(f.targets().get("job")) + 1).as("in flight at the offer")
                        .isGreaterThanOrEqualTo(f.rule().equals("burst-drop") ? 5 : 10);
            });
            List<String> droppedJobs = drops.stream().map(f -> f.targets().get("job")).toList();

            // WHEN the worker finally answers every offer it got
            List<AvailabilityRequest> offers = new ArrayList<>();
            for (int i = 0; i < BURST - drops.size(); i++) {
                offers.add(worker.nextAvailabilityRequest(WAIT));
                accept(worker, offers.get(i));
            }
            // THEN exactly the undropped jobs are assigned, and none of the dropped ones was ever offered
            for (int i = 0; i < offers.size(); i++) {
                worker.nextAssignment(WAIT);
            }
            assertThat(Workers.offeredJobIds(worker)).doesNotContainAnyElementsOf(droppedJobs)
                    .hasSize(BURST - droppedJobs.size());
            assertThat(Workers.assignedJobIds(worker)).containsExactlyInAnyOrderElementsOf(Workers.offeredJobIds(worker));
        }
    }

    @Test
    void should_drop_nothing_when_the_same_dispatches_come_one_at_a_time() {
        try (FakeAgentWorker worker = Workers.registered(sim, AGENT)) {
            // WHEN the app creates the dispatches one after another, each answered before the next
            for (int i = 1; i <= BURST; i++) {
                assertThat(app.createDispatch("calm-" + i, AGENT, "").isSuccessful()).isTrue();
                worker.nextAssignment(WAIT);
            }
            // THEN no more than one was ever in flight, and no rule fired
            assertThat(worker.assignmentCount()).isEqualTo(BURST);
            assertThat(sim.journal().events(FaultApplied.class)).isEmpty();
        }
    }

    private List<Response<AgentDispatch>> concurrently(List<String> rooms) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(rooms.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Response<AgentDispatch>>> calls = rooms.stream()
                    .map(room -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(go);
                        return app.createDispatch(room, AGENT, "");
                    }, pool)).toList();
            go.countDown();
            List<Response<AgentDispatch>> responses = new ArrayList<>();
            for (CompletableFuture<Response<AgentDispatch>> call : calls) {
                responses.add(call.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void accept(FakeAgentWorker worker, AvailabilityRequest offer) {
        String jobId = offer.getJob().getId();
        worker.send(WorkerMessage.newBuilder().setAvailability(AvailabilityResponse.newBuilder()
                .setJobId(jobId).setAvailable(true).setParticipantIdentity("agent-" + jobId)).build());
    }
}
