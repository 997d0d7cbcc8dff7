package dev.dispatchsim;

import dev.dispatchsim.admin.AdminApi;
import dev.dispatchsim.admin.EngineProfiles;
import dev.dispatchsim.admin.ProfileControl;
import dev.dispatchsim.admin.InProcessAdmin;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.auth.AgentPermissions;
import dev.dispatchsim.auth.AgentTokenMinter;
import dev.dispatchsim.auth.AgentTokenSpec;
import dev.dispatchsim.auth.ApiKeys;
import dev.dispatchsim.auth.TokenVerifier;
import dev.dispatchsim.clock.SimClock;
import dev.dispatchsim.clock.WallClock;
import dev.dispatchsim.engine.ControlCommands;
import dev.dispatchsim.engine.Engine;
import dev.dispatchsim.engine.EngineConfig;
import dev.dispatchsim.engine.JobTokenIssuer;
import dev.dispatchsim.engine.Journal;
import dev.dispatchsim.fault.FaultEngine;
import dev.dispatchsim.fault.Profile;
import dev.dispatchsim.fault.profile.ProfileLoader;
import dev.dispatchsim.service.AgentDispatchHandlers;
import dev.dispatchsim.service.RoomServiceHandlers;
import dev.dispatchsim.transport.AdminRoutes;
import dev.dispatchsim.transport.HttpServer;
import dev.dispatchsim.twirp.TwirpRouter;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A running simulator: one engine, one port. Build it with {@link #builder()}; close it when done.
 * Everything a test needs hangs off this object: URLs and keys for clients, the journal (ground
 * truth), the clock, and control commands (simulated participants, worker kills, reset).
 */
public final class LiveKitSimulator implements AutoCloseable {

    private final SimulatorSettings settings;
    private final Engine engine;
    private final HttpServer server;
    private final SimulatorAdmin admin;

    LiveKitSimulator(SimulatorSettings settings, Consumer<HttpServer.Builder> extraRoutes) {
        this.settings = settings;
        ApiKeys keys = settings.keys();
        FaultEngine faults = new FaultEngine(settings.engineConfig().seed());
        faults.load(settings.profile());
        this.engine = new Engine(settings.clock(), settings.engineConfig(), issuer(keys), faults, settings.onError());
        TwirpRouter router = new TwirpRouter()
                .addAll(new RoomServiceHandlers(engine).methods())
                .addAll(new AgentDispatchHandlers(engine).methods());
        // Real clients mint tokens with real time, so tokens are checked against the wall clock.
        HttpServer.Builder builder = HttpServer.builder(engine, router, new TokenVerifier(keys, WallClock::now));
        ProfileControl profiles = settings.profiles() != null ? settings.profiles()
                : new EngineProfiles(engine, settings.profile());
        this.admin = new InProcessAdmin(engine, profiles);
        builder.routes(new AdminRoutes(new AdminApi(admin, settings.adminToken()))::mount);
        extraRoutes.accept(builder);
        try {
            this.server = builder.start(settings.bind(), settings.port());
        } catch (RuntimeException cannotListen) {
            engine.close(); // no engine thread left behind when the port is taken
            throw cannotListen;
        }
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

    public String apiKey() {
        return settings.keys().keys().iterator().next();
    }

    public String apiSecret() {
        return settings.keys().secretFor(apiKey()).orElseThrow();
    }

    public long seed() {
        return engine.config().seed();
    }

    public Engine engine() {
        return engine;
    }

    public Journal journal() {
        return engine.journal();
    }

    public SimClock clock() {
        return engine.clock();
    }

    public ControlCommands control() {
        return engine.control();
    }

    /** Replaces the fault profile at run time; its rule counters start afresh. */
    public void loadProfile(Profile profile) {
        engine.loadProfile(profile).join();
    }

    /** Loads a bundled profile by name, or a YAML file by path. */
    public void loadProfile(String bundledNameOrPath) {
        loadProfile(ProfileLoader.load(bundledNameOrPath));
    }

    public Profile profile() {
        return engine.faults().current();
    }

    /** The admin operations in this JVM; the same ones are served over HTTP under {@code /_sim/}. */
    public SimulatorAdmin admin() {
        return admin;
    }

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
