package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.Health;
import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.admin.ProfileInfo;
import dev.dispatchsim.admin.RoomConfig;
import dev.dispatchsim.admin.RuleStatus;
import dev.dispatchsim.admin.TokenRequest;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.internal.auth.AccessTokens;
import dev.dispatchsim.internal.auth.ApiKeys;
import dev.dispatchsim.internal.clock.DurationText;
import dev.dispatchsim.internal.clock.WallClock;
import dev.dispatchsim.internal.engine.Engine;
import dev.dispatchsim.internal.engine.ParticipantSpec;
import dev.dispatchsim.internal.engine.RoomSpec;
import dev.dispatchsim.internal.fault.profile.ProfileLoader;
import dev.dispatchsim.internal.webhook.Webhooks;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import dev.dispatchsim.journal.JournalTimeoutException;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.SimulatorState;
import dev.dispatchsim.model.Track;
import dev.dispatchsim.model.Worker;
import dev.dispatchsim.profile.ProfileException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link SimulatorAdmin} straight over an engine in this JVM; the admin HTTP API is a thin layer over it. */
public final class InProcessAdmin implements SimulatorAdmin, JournalAccess {

    /** A wait longer than this is refused: a test that needs more should say so in smaller steps. */
    public static final Duration MAX_AWAIT = Duration.ofMinutes(5);
    /**
     * Journal awaits over HTTP open at once; one more is refused with 429. They hold no thread, but each
     * holds a connection and a little memory, and a caller that opens hundreds has a bug worth hearing about.
     */
    public static final int MAX_OPEN_AWAITS = 256;

    private final Engine engine;
    private final ProfileControl profiles;
    private final ProfileRules rules;
    private final Webhooks webhooks;
    private final AtomicInteger openAwaits = new AtomicInteger();
    private final ApiKeys keys;

    public InProcessAdmin(Engine engine, ProfileControl profiles, Webhooks webhooks, ApiKeys keys) {
        this.engine = engine;
        this.profiles = profiles;
        this.rules = new ProfileRules(engine);
        this.webhooks = webhooks;
        this.keys = keys;
    }

    @Override
    public Health health() {
        return new Health("ok", Health.VERSION, engine.config().seed(), clockName(), engine.clock().now(), lastSeq());
    }

    @Override
    public SimulatorState state() {
        return EngineCalls.join(engine.control().state(), "read the state");
    }

    @Override
    public List<JournalEntry> journal(JournalQuery query) {
        JournalEviction.check(query.since(), engine.journal().oldestSeq(), lastSeq());
        return engine.journal().since(query.since()).stream().filter(query).toList();
    }

    @Override
    public JournalEntry awaitJournal(JournalQuery query, Duration timeout) {
        checkAwait(query, timeout);
        try {
            return engine.journal().awaitAfter(query.since(), query, timeout, query.describe());
        } catch (JournalTimeoutException timedOut) {
            throw timedOut(query, timeout);
        }
    }

    @Override
    public CompletableFuture<JournalEntry> awaitJournalAsync(JournalQuery query, Duration timeout) {
        checkAwait(query, timeout);
        if (openAwaits.incrementAndGet() > MAX_OPEN_AWAITS) {
            openAwaits.decrementAndGet();
            throw new AdminException(429, "resource_exhausted", "too many journal awaits open: at most "
                    + MAX_OPEN_AWAITS + " may wait at once; let some finish (or time out) before opening more",
                    Map.of("maxOpenAwaits", MAX_OPEN_AWAITS));
        }
        CompletableFuture<JournalEntry> entry;
        try {
            entry = engine.journal().awaitAfterAsync(query.since(), query, timeout, query.describe());
        } catch (RuntimeException failed) {
            openAwaits.decrementAndGet();
            throw failed;
        }
        return entry.handle((found, failure) -> {
            openAwaits.decrementAndGet();
            if (failure == null) {
                return found;
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            throw cause instanceof JournalTimeoutException ? timedOut(query, timeout) : new CompletionException(cause);
        });
    }

    @Override
    public long oldestSeq() {
        return engine.journal().oldestSeq();
    }

    private void checkAwait(JournalQuery query, Duration timeout) {
        if (timeout.isNegative() || timeout.compareTo(MAX_AWAIT) > 0) {
            throw AdminException.badRequest("timeout must be between 0 and " + DurationText.format(MAX_AWAIT)
                    + ", was " + DurationText.format(timeout));
        }
        JournalEviction.check(query.since(), engine.journal().oldestSeq(), lastSeq());
    }

    private AdminException timedOut(JournalQuery query, Duration timeout) {
        long last = lastSeq();
        return new AdminException(504, "timeout", "timed out after " + DurationText.format(timeout)
                + " waiting for " + query.describe() + "; last seq is " + last,
                Map.of("awaited", Map.of("types", query.types().stream().sorted().toList(), "since", query.since()),
                        "timeoutMs", timeout.toMillis(), "lastSeq", last));
    }

    @Override
    public Optional<ProfileInfo> profile() {
        return profiles.current();
    }

    @Override
    public ProfileInfo loadProfile(String text, String sourceName) {
        if (text == null || text.isBlank()) {
            throw AdminException.badRequest("the profile is empty: send YAML or JSON in the request body");
        }
        try {
            return profiles.load(text, sourceName == null || sourceName.isBlank() ? "<inline>" : sourceName);
        } catch (ProfileException rejected) {
            throw ProfileErrors.toAdmin(rejected);
        }
    }

    @Override
    public void clearProfile() {
        profiles.clear();
    }

    @Override
    public ProfileInfo loadBundledProfile(String name) {
        if (name == null || name.isBlank()) {
            throw AdminException.badRequest("give the bundled profile's name; valid: " + String.join(", ", bundledProfiles()));
        }
        try {
            return profiles.loadBundled(name);
        } catch (ProfileException rejected) {
            throw ProfileErrors.toAdmin(rejected);
        }
    }

    @Override
    public List<String> bundledProfiles() {
        return ProfileLoader.bundledNames();
    }

    @Override
    public List<RuleStatus> rules() {
        return rules.rules();
    }

    @Override
    public RuleStatus addRule(String ruleText) {
        return rules.add(ruleText);
    }

    @Override
    public void removeRule(String name) {
        rules.remove(name);
    }

    @Override
    public RuleStatus setRuleEnabled(String name, boolean enabled) {
        return rules.setEnabled(name, enabled);
    }

    @Override
    public void setScenarioState(String state) {
        rules.setScenarioState(state);
    }

    @Override
    public List<TwirpCall> twirpCalls(String method, String room) {
        return rules.twirpCalls(method, room).stream().map(e -> (TwirpCall) e.event()).toList();
    }

    /** Signed with the first key; against the wall clock, as every real client's token (the server checks them so). */
    @Override
    public String mintToken(TokenRequest request) {
        String key = keys.keys().iterator().next();
        try {
            return AccessTokens.mint(key, keys.secretFor(key).orElseThrow(), request.room(), request.grants(),
                    request.identity(), request.ttl(), WallClock.now());
        } catch (IllegalArgumentException invalid) {
            throw AdminException.badRequest(invalid.getMessage());
        }
    }

    @Override
    public void reset() {
        profiles.resetCounters();
        EngineCalls.join(engine.control().reset(), "reset");
    }

    @Override
    public Instant advanceClock(Duration by) {
        if (!(engine.clock() instanceof ManualClock manual)) {
            throw new AdminException(409, "clock_not_manual", "this simulator runs on the system clock, which only "
                    + "real time moves; start it with --clock manual (DISPATCHSIM_CLOCK=manual) or "
                    + "SimulatorBuilder.clock(new ManualClock()) to advance time by hand", Map.of("clock", clockName()));
        }
        if (by.isNegative()) {
            throw AdminException.badRequest("a clock cannot go back: by=" + by);
        }
        manual.advance(by);
        return manual.now();
    }

    @Override
    public Participant addParticipant(String room, String identity, SimParticipant participant) {
        requireName("room", room);
        requireName("identity", identity);
        SimParticipant p = participant == null ? SimParticipant.human() : participant;
        RoomConfig config = p.roomConfig();
        RoomSpec roomSpec = config == null ? null : new RoomSpec(room, config.emptyTimeout(), config.departureTimeout(),
                config.maxParticipants(), config.metadata(), config.agents());
        ParticipantSpec spec = new ParticipantSpec(room, identity, p.name() == null ? identity : p.name(), p.kind(),
                p.metadata(), p.attributes(), roomSpec);
        return EngineCalls.join(engine.control().join(spec), "join participant '" + identity + "' to room '" + room + "'");
    }

    @Override
    public Track publishTrack(String room, String identity, String trackName, String type, String source) {
        requireName("room", room);
        requireName("identity", identity);
        return EngineCalls.join(engine.control().publish(room, identity, trackName, type, source),
                "publish a track of participant '" + identity + "' in room '" + room + "'");
    }

    @Override
    public void removeParticipant(String room, String identity) {
        requireName("room", room);
        requireName("identity", identity);
        EngineCalls.join(engine.control().leave(room, identity),
                "remove participant '" + identity + "' from room '" + room + "'");
    }

    @Override
    public List<Worker> workers() {
        return EngineCalls.join(engine.control().workers(), "list workers");
    }

    @Override
    public void killWorker(String workerId, int closeCode) {
        CloseCodes.check(closeCode);
        boolean killed = EngineCalls.join(engine.control().killWorker(workerId, closeCode, "killed by the admin API"),
                "kill worker '" + workerId + "'");
        if (!killed) {
            List<String> known = workers().stream().map(Worker::id).toList();
            throw new AdminException(404, "not_found", "no worker '" + workerId + "'; registered workers: " + known,
                    Map.of("workerId", workerId, "registered", known));
        }
    }

    @Override
    public List<String> webhooks() {
        return webhooks.urls();
    }

    @Override
    public List<String> addWebhook(String url) {
        try {
            return webhooks.add(url);
        } catch (IllegalArgumentException invalid) {
            throw AdminException.badRequest(invalid.getMessage());
        }
    }

    @Override
    public List<String> removeWebhook(String url) {
        requireName("url", url);
        return webhooks.remove(url).orElseThrow(() -> {
            List<String> configured = webhooks.urls();
            return new AdminException(404, "not_found", "no webhook URL '" + url + "'; configured: " + configured,
                    Map.of("url", url, "configured", configured));
        });
    }

    private String clockName() {
        return engine.clock().isManual() ? "manual" : "system";
    }

    @Override
    public long lastSeq() {
        return engine.journal().lastSeq();
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw AdminException.badRequest(what + " is required");
        }
    }

    @Override
    public String toString() {
        return "InProcessAdmin[" + engine + "]";
    }
}
