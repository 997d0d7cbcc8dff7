package dev.dispatchsim.clienttests.profiles.support;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.testkit.FakeAgentWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The common scene of a profile test: the class's simulator with its profile (each subclass is annotated
 * {@code @LiveKitSimulatorTest(clock = MANUAL, seed = 42, profile = ...)}, so it is reset before each test),
 * the app's Java SDK clients, and one registered "stt-agent" worker, closed after each test.
 */
public abstract class ProfileScenario {

    protected static final String AGENT = "stt-agent";

    protected ManualClock clock;
    protected LiveKitSimulator sim;
    protected App app;
    protected FakeAgentWorker worker;

    @BeforeEach
    void startScenario(LiveKitSimulator sim, ManualClock clock) {
        this.sim = sim;
        this.clock = clock;
        app = App.of(sim);
        worker = Workers.registered(sim, AGENT);
    }

    @AfterEach
    void stopScenario() {
        worker.close();
    }
}
