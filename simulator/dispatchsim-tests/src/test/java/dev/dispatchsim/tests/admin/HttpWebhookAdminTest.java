package dev.dispatchsim.tests.admin;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimulatorAdmin;

/** The webhook contract over the admin HTTP API ({@code /_sim/webhooks}). */
class HttpWebhookAdminTest extends WebhookAdminContract {

    @Override
    SimulatorAdmin adminFor(LiveKitSimulator sim) {
        return SimulatorAdmin.http(sim.httpUrl());
    }
}
