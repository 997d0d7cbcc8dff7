package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.SimulatorBuilder;
import dev.dispatchsim.admin.ProfileInfo;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.clock.SystemClock;
import dev.dispatchsim.internal.admin.AdminTokens;
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
        // Generated here rather than by the simulator, so that it is announced once, on this server's output.
        String adminToken = AdminTokens.inForce(config.adminToken(), config.bind());
        SimulatorBuilder builder = LiveKitSimulator.builder()
                .bind(config.bind())
                .port(config.port())
                .apiKeys(config.keys().asMap())
                .seed(config.effectiveSeed(profile))
                .clock(config.manualClock() ? new ManualClock() : new SystemClock())
                .availabilityTimeout(config.availabilityTimeout())
                .listingLag(config.listingLag())
                .agentJoinDelay(config.agentJoinDelay())
                .targetLoad(config.targetLoad())
                .adminToken(adminToken)
                .adminCorsOrigins(config.adminCorsOrigins().toArray(String[]::new))
                .profile(faults);
        config.webhooks().forEach(builder::webhook);
        if (config.webhookKey() != null) {
            builder.webhookKey(config.webhookKey());
        }
        LiveKitSimulator sim = builder.start();
        out.println("dispatchsim listening on " + sim.httpUrl() + " (LIVEKIT_URL=" + sim.wsUrl() + "), admin API at "
                + sim.httpUrl() + "/_sim/, timeline at " + sim.httpUrl() + "/_sim/ui, " + seedInForce(config, profile, faults));
        out.println("dispatchsim config: " + config.describe(profile));
        if (adminToken != null && config.adminToken() == null) {
            out.println(AdminTokens.announcement(adminToken, config.bind()));
        }
        return new StandaloneServer(sim);
    }

    /**
     * Which seed decides what: the run's seed (flag, env, or the profile's {@code seed:} as a default when neither
     * is given) drives ids, worker choice and the fault rules, unless the profile fixes its own ({@code seed_fixed}).
     */
    static String seedInForce(StandaloneConfig config, ProfileInfo profile, Profile faults) {
        String run = "seed " + config.effectiveSeed(profile) + " (" + config.seedSource(profile) + ")";
        if (faults.seedFixed()) {
            return run + "; fault rules draw from seed " + faults.seed().getAsLong() + ", fixed by profile '"
                    + faults.name() + "' (seed_fixed: true)";
        }
        return run + (faults.ruleNames().isEmpty() ? "" : ", fault rules included");
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
