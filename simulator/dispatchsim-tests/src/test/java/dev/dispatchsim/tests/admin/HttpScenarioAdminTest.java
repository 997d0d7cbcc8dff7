package dev.dispatchsim.tests.admin;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimulatorAdmin;

/** The scenario contract over the admin HTTP API. */
class HttpScenarioAdminTest extends ScenarioAdminContract {

    @Override
    SimulatorAdmin adminFor(LiveKitSimulator sim) {
        return SimulatorAdmin.http(sim.httpUrl());
    }
}
