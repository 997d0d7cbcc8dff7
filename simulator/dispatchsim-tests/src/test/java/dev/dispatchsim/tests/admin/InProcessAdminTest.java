package dev.dispatchsim.tests.admin;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimulatorAdmin;

/** The contract against the admin operations in the simulator's own JVM. */
class InProcessAdminTest extends SimulatorAdminContract {

    @Override
    SimulatorAdmin adminFor(LiveKitSimulator sim) {
        return sim.admin();
    }
}
