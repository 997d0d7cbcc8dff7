package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.ProfileInfo;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.clock.SystemClock;
import dev.dispatchsim.profile.Profile;
import dev.dispatchsim.profile.ProfileException;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The standalone server from resolved settings: loads the start-up profile (whose seed applies only
 * when neither env nor flag gave one), starts the simulator, and logs the effective configuration once.
 */
public final class StandaloneServer implements AutoCloseable {

    private final LiveKitSimulator sim;

    private StandaloneServer(LiveKitSimulator sim) {
        this.sim = sim;
    }

    /**
     * @throws ConfigException when the profile is refused (exit code 2)
     * @throws RuntimeException when the port cannot be bound (exit code 1)
     */
    public static StandaloneServer start(StandaloneConfig config, EnvLayer env, PrintStream out) {
        for (String unknown : env.unknownNames()) {
            out.println("dispatchsim: warning: " + unknown + " is not a setting and is ignored; settings: "
                    + Arrays.stream(StandaloneSetting.values()).map(StandaloneSetting::envName).toList());
        }
        Profile faults = config.profile() == null ? Profile.none() : loadProfile(config);
        ProfileInfo profile = config.profile() == null ? null : new ProfileInfo(faults.name(), config.profile(),
                faults.seed().isPresent() ? faults.seed().getAsLong() : null, null);
        LiveKitSimulator sim = LiveKitSimulator.builder()
                .bind(config.bind())
                .port(config.port())
                .apiKeys(config.keys().asMap())
                .seed(config.effectiveSeed(profile))
                .clock(config.manualClock() ? new ManualClock() : new SystemClock())
                .availabilityTimeout(config.availabilityTimeout())
                .listingLag(config.listingLag())
                .agentJoinDelay(config.agentJoinDelay())
                .targetLoad(config.targetLoad())
                .adminToken(config.adminToken())
                .profile(faults)
                .start();
        out.println("dispatchsim listening on " + sim.httpUrl() + " (LIVEKIT_URL=" + sim.wsUrl() + "), admin API at "
                + sim.httpUrl() + "/_sim/");
        out.println("dispatchsim config: " + config.describe(profile));
        return new StandaloneServer(sim);
    }

    /** A bad profile stops the start with exit code 2, naming the flag or env var and the file:line:column. */
    private static Profile loadProfile(StandaloneConfig config) {
        try {
            return Profile.load(config.profile());
        } catch (ProfileException rejected) {
            throw new ConfigException(config.sources().get(StandaloneSetting.PROFILE) + " " + config.profile() + ": "
                    + rejected.getMessage());
        }
    }

    public LiveKitSimulator simulator() {
        return sim;
    }

    @Override
    public void close() {
        sim.close();
    }
}
