package dev.dispatchsim.tests.admin;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimulatorAdmin;

/** The scenario contract in the simulator's own JVM. */
class InProcessScenarioAdminTest extends ScenarioAdminContract {

    @Override
    SimulatorAdmin adminFor(LiveKitSimulator sim) {
        return sim.admin();
    }
}
