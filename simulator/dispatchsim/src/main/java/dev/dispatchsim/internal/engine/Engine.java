package dev.dispatchsim.internal.engine;

import dev.dispatchsim.clock.SimClock;
import dev.dispatchsim.internal.clock.EventLoop;
import dev.dispatchsim.internal.fault.FaultEngine;
import dev.dispatchsim.internal.fault.Rule;
import dev.dispatchsim.internal.fault.RuleProfile;
import dev.dispatchsim.internal.model.ApiException;
import dev.dispatchsim.internal.model.AvailabilityAnswer;
import dev.dispatchsim.journal.JournalEvent;
import dev.dispatchsim.journal.JournalEvent.ProfileLoaded;
import dev.dispatchsim.journal.JournalEvent.RuleChanged;
import dev.dispatchsim.journal.JournalEvent.ScenarioStateChanged;
import dev.dispatchsim.model.AgentRequest;
import dev.dispatchsim.model.Dispatch;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.ErrorCode;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.Permissions;
import dev.dispatchsim.model.Room;
import dev.dispatchsim.model.Track;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The simulation's front door. Every method posts a command to the engine thread and returns a
 * future of its result; no caller ever touches state directly. Worker-socket commands live in
 * {@link WorkerCommands}, test-kit and admin commands in {@link ControlCommands}.
 */
public final class Engine implements AutoCloseable {

    private final EventLoop loop;
    private final FaultEngine faultEngine;
    private final SimState state;
    private final Rooms rooms;
    private final Participants participants;
    private final Dispatches dispatches;
    private final Workers workers;
    private final WorkerCommands workerCommands;
    private final ControlCommands controlCommands;
    private final TransportFaults transportFaults;

    /** {@code listeners} builds the one {@link WorldListener} (the webhook notifier), from the engine's own parts. */
    public Engine(SimClock clock, EngineConfig config, JobTokenIssuer tokens, FaultEngine faultEngine,
                  Consumer<Throwable> onError, WorldListener.Factory listeners) {
        this.loop = new EventLoop(clock, "dispatchsim-engine", onError);
        this.state = new SimState(loop, config, tokens);
        this.faultEngine = faultEngine;
        // Each part from the parts below it; the few calls back up go through this router (EngineEvents).
        EngineEvents events = new Router();
        Faults faults = new Faults(faultEngine, state, events);
        WorldListener world = listeners.create(new ListenerContext(state, faults.hooks()));
        WorkerPool pool = new WorkerPool(state);
        JobEnds ends = new JobEnds(state, faults, events);
        JobListing listing = new JobListing(state, ends);
        JobOffers offers = new JobOffers(state, pool, faults, listing, events);
        this.dispatches = new Dispatches(state, offers, listing, faults);
        this.rooms = new Rooms(state, dispatches, events, world);
        this.participants = new Participants(state, rooms, offers, ends, faults, world);
        this.workers = new Workers(state, offers, faults, events);
        this.workerCommands = new WorkerCommands(loop, workers, offers, ends, faults);
        this.controlCommands = new ControlCommands(loop, state, participants, workers, pool, dispatches, faults, world);
        this.transportFaults = new TransportFaults(loop, state, faults.hooks());
    }

    /** Routes the engine's back-calls; they only happen on the engine thread, after construction. */
    private final class Router implements EngineEvents {

        @Override
        public void workerClosed(WorkerRecord worker, int code, String reason) {
            workers.closed(worker, code, reason);
        }

        @Override
        public void agentAssigned(JobRecord job, WorkerRecord worker, AvailabilityAnswer answer, String identity) {
            participants.agentAssigned(job, worker, answer, identity);
        }

        @Override
        public void jobEnded(JobRecord job) {
            participants.jobEnded(job);
        }

        @Override
        public void roomClosing(RoomRecord room, String reason) {
            participants.roomClosing(room, reason);
        }
    }

    public Engine(SimClock clock, EngineConfig config, JobTokenIssuer tokens, Consumer<Throwable> onError) {
        this(clock, config, tokens, new FaultEngine(config.seed()), onError, engine -> WorldListener.NONE);
    }

    /** The fault engine this simulation asks at every hook point. */
    public FaultEngine faults() {
        return faultEngine;
    }

    /** Swaps the fault profile atomically (rule counters start afresh) and journals it. */
    public CompletableFuture<Void> loadProfile(RuleProfile profile) {
        return loop.call(() -> {
            faultEngine.load(profile);
            state.journal(new ProfileLoaded(profile.name()));
            return null;
        });
    }

    /**
     * Adds a rule to the profile in force (its counters start at zero, the others keep theirs) and journals it.
     * Fails with IllegalArgumentException when its name is taken or it names a state the profile does not declare.
     */
    public CompletableFuture<Void> addRule(Rule rule) {
        return loop.call(() -> {
            faultEngine.addRule(rule);
            state.journal(new RuleChanged(rule.name(), "added"));
            return null;
        });
    }

    /** Removes a rule of the profile in force; false when there is none of that name. */
    public CompletableFuture<Boolean> removeRule(String name) {
        return loop.call(() -> journaled(faultEngine.removeRule(name), name, "removed"));
    }

    /** Switches a rule on or off, keeping its counters; false when there is none of that name. */
    public CompletableFuture<Boolean> setRuleEnabled(String name, boolean enabled) {
        return loop.call(() -> journaled(faultEngine.setEnabled(name, enabled), name, enabled ? "enabled" : "disabled"));
    }

    private boolean journaled(boolean changed, String rule, String change) {
        if (changed) {
            state.journal(new RuleChanged(rule, change));
        }
        return changed;
    }

    /** Moves the profile's scenario state (IllegalArgumentException when it does not declare it) and journals it. */
    public CompletableFuture<Void> setScenarioState(String next) {
        return loop.call(() -> {
            String before = faultEngine.scenarioState();
            faultEngine.setScenarioState(next);
            state.journal(new ScenarioStateChanged(before == null ? "" : before, next, ""));
            return null;
        });
    }

    public JournalRing journal() {
        return state.journal;
    }

    public SimClock clock() {
        return loop.clock();
    }

    public EngineConfig config() {
        return state.config;
    }

    public WorkerCommands workers() {
        return workerCommands;
    }

    public TransportFaults transportFaults() {
        return transportFaults;
    }

    public ControlCommands control() {
        return controlCommands;
    }

    // RoomService

    public CompletableFuture<Room> createRoom(RoomSpec spec) {
        return loop.call(() -> rooms.create(spec, DispatchSource.CREATE_ROOM, "create_room"));
    }

    public CompletableFuture<List<Room>> listRooms(List<String> names) {
        return loop.call(() -> rooms.list(names));
    }

    public CompletableFuture<Void> deleteRoom(String name) {
        return loop.call(() -> {
            rooms.delete(name);
            return null;
        });
    }

    public CompletableFuture<Room> updateRoomMetadata(String room, String metadata) {
        return loop.call(() -> rooms.updateMetadata(room, metadata));
    }

    public CompletableFuture<List<Participant>> listParticipants(String room) {
        return loop.call(() -> participants.list(room));
    }

    public CompletableFuture<Participant> getParticipant(String room, String identity) {
        return loop.call(() -> participants.get(room, identity));
    }

    public CompletableFuture<Void> removeParticipant(String room, String identity) {
        return loop.call(() -> {
            participants.removeByApi(room, identity);
            return null;
        });
    }

    public CompletableFuture<Participant> updateParticipant(String room, String identity, String metadata, String name,
                                                            Map<String, String> attributes, Permissions permission) {
        return loop.call(() -> participants.update(room, identity, metadata, name, attributes, permission));
    }

    public CompletableFuture<Track> mutePublishedTrack(String room, String identity, String trackSid, boolean muted) {
        return answered(room, "MutePublishedTrack", () -> participants.mute(room, identity, trackSid, muted));
    }

    public CompletableFuture<Void> updateSubscriptions(String room, String identity, List<String> trackSids) {
        return loop.call(() -> {
            participants.updateSubscriptions(room, identity, trackSids);
            return null;
        });
    }

    public CompletableFuture<Void> sendData(String room, int bytes, String topic, int nonceLength) {
        return answered(room, "SendData", () -> {
            participants.sendData(room, bytes, topic, nonceLength);
            return null;
        });
    }

    /** PerformRpc: a room that is not live, or a destination not in it, has no server to answer. */
    public CompletableFuture<Void> performRpc(String room, String destinationIdentity, String method) {
        return answered(room, "PerformRpc", () -> {
            participants.performRpc(room, destinationIdentity, method);
            return null;
        });
    }

    // AgentDispatchService

    /** CreateDispatch: creates the room first if it is not live (auto_create), then the dispatch. */
    public CompletableFuture<Dispatch> createDispatch(String room, AgentRequest request) {
        return loop.call(() -> {
            Rooms.checkMetadata(request.metadata());
            Dispatches.validateDeployment(request.deployment());
            RoomRecord record = rooms.getOrCreate(room, "create_dispatch");
            return dispatches.created(dispatches.create(record, request, DispatchSource.CREATE_DISPATCH));
        });
    }

    public CompletableFuture<List<Dispatch>> listDispatch(String room, String dispatchId) {
        return answered(room, "ListDispatch", () -> dispatches.list(room, dispatchId));
    }

    public CompletableFuture<Dispatch> deleteDispatch(String room, String dispatchId) {
        return answered(room, "DeleteDispatch", () -> dispatches.delete(room, dispatchId));
    }

    /**
     * Runs a call on the engine thread. One addressed to something no server handles ({@link NoResponse}) is
     * journalled at once and answered 503 {@code unavailable} "no response from servers" only
     * {@code notLiveDelay} later, on the simulated clock: under a ManualClock, when the test moves time.
     */
    private <T> CompletableFuture<T> answered(String room, String call, Callable<T> work) {
        return loop.call(() -> {
            try {
                return CompletableFuture.completedFuture(work.call());
            } catch (NoResponse none) {
                Duration after = state.config.notLiveDelay();
                state.journal(new JournalEvent.NoResponse(room, call, none.getMessage(), after));
                CompletableFuture<T> answer = new CompletableFuture<>();
                state.schedule(after, () -> answer.completeExceptionally(
                        ApiException.internalRpc(ErrorCode.UNAVAILABLE, "no response from servers")));
                return answer;
            }
        }).thenCompose(answer -> answer);
    }

    /** Reads the engine's state on its own thread: for tests of this package that count records and work. */
    <T> CompletableFuture<T> inspect(java.util.function.Function<SimState, T> reader) {
        return loop.call(() -> reader.apply(state));
    }

    @Override
    public void close() {
        loop.close();
        state.journal.close();
    }

    @Override
    public String toString() {
        return "Engine[seed=" + state.config.seed() + ", " + loop.clock() + "]";
    }
}
