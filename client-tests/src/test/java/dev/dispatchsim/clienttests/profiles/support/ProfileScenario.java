package dev.dispatchsim.clienttests.profiles.support;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.testkit.FakeAgentWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The common scene of a profile test: a fresh simulator with the profile (seed 42, ManualClock), the
 * app's Java SDK clients, and one registered "stt-agent" worker; all closed after each test.
 */
public abstract class ProfileScenario {

    protected static final String AGENT = "stt-agent";

    protected final ManualClock clock = new ManualClock();
    protected LiveKitSimulator sim;
    protected App app;
    protected FakeAgentWorker worker;

    private final String profile;

    protected ProfileScenario(String profile) {
        this.profile = profile;
    }

    @BeforeEach
    void startScenario() {
        sim = LiveKitSimulator.builder().seed(42).clock(clock).profile(profile).start();
        app = App.of(sim);
        worker = Workers.registered(sim, AGENT);
    }

    @AfterEach
    void stopScenario() {
        worker.close();
        sim.close();
    }
}
