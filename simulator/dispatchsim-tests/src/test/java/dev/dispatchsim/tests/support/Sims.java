package dev.dispatchsim.tests.support;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.SimulatorBuilder;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.FakeWorkerBuilder;

import java.time.Duration;

/** Simulators and fake workers the way these tests start them. */
public final class Sims {

    /** How long a test waits for something that happens over a local socket. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    private Sims() {
    }

    /** A simulator whose time moves only when the test advances {@code clock}. */
    public static SimulatorBuilder manual(long seed, ManualClock clock) {
        return LiveKitSimulator.builder().seed(seed).clock(clock);
    }

    /** A fake worker for {@code agentName} (empty = automatic dispatch), accepting every job by default. */
    public static FakeWorkerBuilder worker(LiveKitSimulator sim, String agentName) {
        return FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret()).agentName(agentName).timeout(WAIT);
    }
}
