package dev.dispatchsim.clienttests.profiles;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clienttests.profiles.support.App;
import dev.dispatchsim.clienttests.profiles.support.Journals;
import dev.dispatchsim.clienttests.profiles.support.Workers;
import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.WorkerConnected;
import dev.dispatchsim.journal.JournalEvent.WorkerDisconnected;
import dev.dispatchsim.journal.JournalEvent.WorkerRegistered;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.FakeAgentWorker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.clienttests.profiles.support.Journals.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Profile reconnect-storm (A6/A17): two upgrades refused with 503, then three sockets closed (1011)
 * right after register; a worker that keeps reconnecting is registered on its sixth attempt.
 */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "reconnect-storm")
class ReconnectStormTest {

    private static final String AGENT = "stt-agent";

    private LiveKitSimulator sim;
    private App app;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        this.sim = sim;
        app = App.of(sim);
    }


    @Test
    void should_register_the_worker_only_on_its_sixth_attempt_when_it_keeps_reconnecting() {
        // WHEN the worker connects twice
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (FakeAgentWorker refused = Workers.builder(sim, AGENT).withoutRegister().open()) {
                // THEN the upgrade is refused with HTTP 503: no socket, nothing reaches the engine
                FakeAgentWorker.Closed closed = refused.awaitClosed(WAIT);
                assertThat(refused.isOpen()).isFalse();
                assertThat(closed.reason()).as("attempt %d", attempt).contains("503");
            }
        }
        // WHEN it connects and registers three more times
        for (int attempt = 3; attempt <= 5; attempt++) {
            try (FakeAgentWorker dropped = Workers.builder(sim, AGENT).open()) {
                // THEN each socket is closed with 1011 instead of a RegisterWorkerResponse
                FakeAgentWorker.Closed closed = dropped.awaitClosed(WAIT);
                assertThat(closed.code()).as("attempt %d", attempt).isEqualTo(1011);
                assertThat(closed.reason()).isEqualTo("registration failed");
                assertThat(dropped.received()).isEmpty();
            }
        }
        // WHEN it connects a sixth time
        try (FakeAgentWorker worker = Workers.registered(sim, AGENT)) {
            // THEN it is registered, and the journal tells the storm attempt by attempt
            assertThat(worker.workerId()).startsWith("AW_");
            assertThat(Journals.faults(sim, "refuse-first-two-upgrades"))
                    .extracting(f -> f.hookPoint(), f -> f.effect())
                    .containsOnly(tuple("worker_connect", new AppliedEffect.Failed(503, "", "service unavailable"))).hasSize(2);
            assertThat(Journals.faults(sim, "close-after-first-three-registrations"))
                    .extracting(f -> f.hookPoint(), f -> f.effect())
                    .containsOnly(tuple("worker_register", new AppliedEffect.Disconnected(1011, "registration failed")))
                    .hasSize(3);
            assertThat(sim.journal().events(WorkerConnected.class)).hasSize(4);
            assertThat(sim.journal().events(WorkerDisconnected.class))
                    .extracting(WorkerDisconnected::workerId, WorkerDisconnected::code)
                    .containsExactly(tuple("", 1011), tuple("", 1011), tuple("", 1011));
            Journals.await(sim, WorkerRegistered.class, r -> true); // journalled just after the response went out
            assertThat(sim.journal().events(WorkerRegistered.class))
                    .extracting(WorkerRegistered::workerId, WorkerRegistered::order).containsExactly(tuple(worker.workerId(), 1));
        }
    }

    @Test
    void should_not_redispatch_a_room_created_during_the_storm_when_the_worker_finally_registers() {
        // GIVEN a room created while no worker is registered (two refused upgrades so far)
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (FakeAgentWorker refused = Workers.builder(sim, AGENT).withoutRegister().open()) {
                refused.awaitClosed(WAIT);
            }
        }
        assertThat(app.createRoomWithAgent("room-early", AGENT, "").isSuccessful()).isTrue();
        assertThat(Journals.events(sim, DispatchUndeliverable.class, u -> u.room().equals("room-early"))).hasSize(1);
        for (int attempt = 3; attempt <= 5; attempt++) {
            try (FakeAgentWorker dropped = Workers.builder(sim, AGENT).open()) {
                dropped.awaitClosed(WAIT);
            }
        }

        // WHEN the worker registers and the app creates another room
        try (FakeAgentWorker worker = Workers.registered(sim, AGENT)) {
            assertThat(app.createRoomWithAgent("room-late", AGENT, "").isSuccessful()).isTrue();

            // THEN only the later room reaches the worker; the early one stays without a job
            worker.nextAssignment(WAIT);
            assertThat(Workers.offeredRooms(worker)).containsExactly("room-late");
            assertThat(app.listDispatch("room-early").get(0).getState().getJobsList()).isEmpty();
        }
    }
}
