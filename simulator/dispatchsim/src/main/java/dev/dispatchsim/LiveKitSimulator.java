package dev.dispatchsim;

import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.clock.SimClock;
import dev.dispatchsim.internal.admin.AdminApi;
import dev.dispatchsim.internal.admin.EngineProfiles;
import dev.dispatchsim.internal.admin.InProcessAdmin;
import dev.dispatchsim.internal.auth.AgentPermissions;
import dev.dispatchsim.internal.auth.AgentTokenMinter;
import dev.dispatchsim.internal.auth.AgentTokenSpec;
import dev.dispatchsim.internal.auth.ApiKeys;
import dev.dispatchsim.internal.auth.TokenVerifier;
import dev.dispatchsim.internal.clock.WallClock;
import dev.dispatchsim.internal.engine.Engine;
import dev.dispatchsim.internal.engine.JobTokenIssuer;
import dev.dispatchsim.internal.fault.FaultEngine;
import dev.dispatchsim.internal.fault.RuleProfile;
import dev.dispatchsim.internal.service.AgentDispatchHandlers;
import dev.dispatchsim.internal.service.RoomServiceHandlers;
import dev.dispatchsim.internal.transport.AdminRoutes;
import dev.dispatchsim.internal.transport.HttpServer;
import dev.dispatchsim.internal.twirp.TwirpRouter;
import dev.dispatchsim.journal.Journal;
import dev.dispatchsim.profile.Profile;

import java.util.List;
import java.util.Map;

/**
 * A running simulator: one engine, one port. Build it with {@link #builder()}; close it when done.
 * Everything a test needs hangs off this object: URLs and keys for clients, the journal (ground
 * truth), the clock, the fault profile, and {@link #admin()}: simulated participants, workers, the
 * state with truth and report side by side, reset.
 */
public final class LiveKitSimulator implements AutoCloseable {

    private final ApiKeys keys;
    private final Engine engine;
    private final HttpServer server;
    private final EngineProfiles profiles;
    private final SimulatorAdmin admin;
    private final SimulatorSettings settings;

    LiveKitSimulator(SimulatorBuilder builder) {
        this.keys = builder.keys();
        FaultEngine faults = new FaultEngine(builder.config().seed());
        faults.load(builder.profile());
        this.engine = new Engine(builder.clock(), builder.config(), issuer(keys), faults, builder.onError());
        TwirpRouter router = new TwirpRouter()
                .addAll(new RoomServiceHandlers(engine).methods())
                .addAll(new AgentDispatchHandlers(engine).methods());
        this.profiles = new EngineProfiles(engine, builder.profile());
        this.admin = new InProcessAdmin(engine, profiles);
        // Real clients mint tokens with real time, so tokens are checked against the wall clock.
        HttpServer.Builder http = HttpServer.builder(engine, router, new TokenVerifier(keys, WallClock::now))
                .routes(new AdminRoutes(new AdminApi(admin, builder.adminToken()))::mount);
        try {
            this.server = http.start(builder.bind(), builder.port());
        } catch (RuntimeException cannotListen) {
            engine.close(); // no engine thread left behind when the port is taken
            throw cannotListen;
        }
        this.settings = new SimulatorSettings(builder.bind(), server.port(), List.copyOf(keys.keys()),
                builder.config().seed(), builder.clock(), builder.config().availabilityTimeout(),
                builder.config().listingLag(), builder.config().agentJoinDelay(), builder.config().targetLoad(), builder.config().assignmentUrl(), builder.config().journalCapacity(),
                builder.profile().name(), builder.adminToken() != null);
    }

    public static SimulatorBuilder builder() {
        return new SimulatorBuilder();
    }

    /** Base URL for the server SDKs, e.g. {@code http://127.0.0.1:7880}. */
    public String httpUrl() {
        return "http://" + host() + ":" + port();
    }

    /** Base URL for agent workers ({@code LIVEKIT_URL}), e.g. {@code ws://127.0.0.1:7880}. */
    public String wsUrl() {
        return "ws://" + host() + ":" + port();
    }

    public int port() {
        return server.port();
    }

    /** The API key clients sign with (the first, when several are accepted). */
    public String apiKey() {
        return keys.keys().iterator().next();
    }

    public String apiSecret() {
        return keys.secretFor(apiKey()).orElseThrow();
    }

    /** The master seed; a profile with a seed of its own uses that for its rules. */
    public long seed() {
        return engine.config().seed();
    }

    /** The ground truth: what really happened, whatever the APIs were made to report. */
    public Journal journal() {
        return engine.journal();
    }

    public SimClock clock() {
        return engine.clock();
    }

    /** Replaces the fault profile at run time; its rule counters start afresh. {@code admin().profile()} shows it. */
    public void loadProfile(Profile profile) {
        profiles.use(RuleProfile.of(profile));
    }

    /** Loads a bundled profile by name, or a YAML file by path. */
    public void loadProfile(String bundledNameOrPath) {
        loadProfile(Profile.load(bundledNameOrPath));
    }

    /** The profile in force ({@link Profile#none()} when there is none). */
    public Profile profile() {
        return engine.faults().current();
    }

    /**
     * Everything besides LiveKit's own protocols, in this JVM: simulated participants and tracks, workers,
     * the state, the journal, the profile, the clock, reset. The same operations are served over HTTP
     * under {@code /_sim/} ({@link SimulatorAdmin#http(String)}).
     */
    public SimulatorAdmin admin() {
        return admin;
    }

    /** The effective configuration. */
    public SimulatorSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }

    @Override
    public String toString() {
        return "LiveKitSimulator[" + httpUrl() + ", seed=" + seed() + ", " + clock() + "]";
    }

    private String host() {
        String bind = settings.bind();
        return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    }

    private static JobTokenIssuer issuer(ApiKeys keys) {
        AgentTokenMinter minter = new AgentTokenMinter(keys);
        return (apiKey, room, agentName, answer, permissions, now) -> minter.mint(apiKey, new AgentTokenSpec(room,
                agentName, answer.participantIdentity(), answer.participantName(), answer.participantMetadata(),
                Map.copyOf(answer.participantAttributes()),
                new AgentPermissions(permissions.canSubscribe(), permissions.canPublish(), permissions.canPublishData(),
                        permissions.canUpdateMetadata(), permissions.canSubscribeMetrics(), permissions.hidden())), now);
    }
}
