package dev.dispatchsim;

import dev.dispatchsim.admin.ProfileControl;
import dev.dispatchsim.auth.ApiKeys;
import dev.dispatchsim.clock.SimClock;
import dev.dispatchsim.engine.EngineConfig;
import dev.dispatchsim.fault.Profile;

import java.util.function.Consumer;

/** The effective configuration of one simulator, as logged once at start. */
public record SimulatorSettings(String bind, int port, ApiKeys keys, SimClock clock, EngineConfig engineConfig,
                                Profile profile, Consumer<Throwable> onError, String adminToken,
                                ProfileControl profiles) {

    public String describe() {
        return "bind=" + bind + " port=" + port + " keys=" + keys.keys() + " seed=" + engineConfig.seed()
                + " clock=" + clock + " availabilityTimeout=" + engineConfig.availabilityTimeout()
                + " targetLoad=" + engineConfig.targetLoad() + " profile=" + profile.name()
                + " assignmentUrl=" + (engineConfig.assignmentUrl() == null ? "(omitted, as livekit-server)" : engineConfig.assignmentUrl())
                + " adminToken=" + (adminToken == null ? "(none)" : "(set)");
    }
}
