package dev.dispatchsim.tests.admin;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimulatorAdmin;

/** The webhook contract against the admin operations in the simulator's own JVM. */
class InProcessWebhookAdminTest extends WebhookAdminContract {

    @Override
    SimulatorAdmin adminFor(LiveKitSimulator sim) {
        return sim.admin();
    }
}
