package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.clock.EventLoop;
import dev.dispatchsim.model.Dispatch;
import dev.dispatchsim.model.Job;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.SimulatorState.DispatchView;
import dev.dispatchsim.model.SimulatorState.JobView;
import dev.dispatchsim.model.SimulatorState.RoomView;
import dev.dispatchsim.model.SimulatorState;
import dev.dispatchsim.model.Track;
import dev.dispatchsim.model.Worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What tests and the admin API can do that no LiveKit client can: simulated participants, the full
 * state with truth and report side by side, killing a worker socket, and reset.
 */
public final class ControlCommands {

    private final EventLoop loop;
    private final SimState state;
    private final Participants participants;
    private final Workers workers;
    private final WorkerPool pool;
    private final Dispatches dispatches;
    private final Faults faults;
    private final WorldListener world;

    ControlCommands(EventLoop loop, SimState state, Participants participants, Workers workers, WorkerPool pool,
                    Dispatches dispatches, Faults faults, WorldListener world) {
        this.loop = loop;
        this.state = state;
        this.participants = participants;
        this.workers = workers;
        this.pool = pool;
        this.dispatches = dispatches;
        this.faults = faults;
        this.world = world;
    }

    public CompletableFuture<Participant> join(ParticipantSpec spec) {
        return loop.call(() -> participants.join(spec));
    }

    public CompletableFuture<Track> publish(String room, String identity, String trackName, String type, String source) {
        return loop.call(() -> participants.publish(room, identity, trackName, type, source));
    }

    public CompletableFuture<Void> leave(String room, String identity) {
        return loop.call(() -> {
            participants.leave(room, identity);
            return null;
        });
    }

    public CompletableFuture<List<Worker>> workers() {
        return loop.call(workers::list);
    }

    /** Closes a worker's socket from the server side with {@code code}; false if no such worker. */
    public CompletableFuture<Boolean> killWorker(String workerId, int code, String reason) {
        return loop.call(() -> {
            WorkerRecord worker = workers.byId(workerId);
            if (worker == null) {
                return false;
            }
            worker.link.close(code, reason);
            workers.closed(worker, code, reason);
            return true;
        });
    }

    /** The state now, taken on the engine thread after every command posted before it. */
    public CompletableFuture<SimulatorState> state() {
        return loop.call(() -> new SimulatorState(
                state.rooms.values().stream().map(this::view).toList(),
                state.connections.values().stream().filter(WorkerRecord::isRegistered).map(WorkerRecord::snapshot).toList(),
                pool.describeRegistered(), faults.hooks().engine().scenarioState()));
    }

    /**
     * Back to a fresh simulator with the same seed: rooms closed, worker sockets closed (1001), journal
     * cleared, generators reseeded, fault-rule counters reset (the profile stays loaded), webhook queues
     * emptied (the webhook URLs go back to those the simulator started with).
     */
    public CompletableFuture<Void> reset() {
        return loop.call(() -> {
            for (RoomRecord room : new ArrayList<>(state.rooms.values())) {
                SimState.cancel(room.closeTimer);
            }
            for (WorkerRecord worker : new ArrayList<>(state.connections.values())) {
                SimState.cancel(worker.pingTimer);
                SimState.cancel(worker.registerTimer);
                worker.closed = true;
                worker.link.close(1001, "simulator reset");
            }
            for (JobRecord job : state.jobs.values()) {
                job.cancelTimers();
            }
            state.rooms.clear();
            state.connections.clear();
            state.jobs.clear();
            state.offering.clear();
            state.workers.clear();
            state.journal.clear();
            state.reseed(state.config);
            faults.hooks().restart();
            world.reset();
            return null;
        });
    }

    private RoomView view(RoomRecord room) {
        return new RoomView(room.snapshot(), room.participants.values().stream().map(ParticipantRecord::snapshot).toList(),
                room.dispatches.values().stream().map(this::view).toList());
    }

    /** What ListDispatch would report (the report rules peeked at, not counted) beside each job's truth. */
    private DispatchView view(DispatchRecord dispatch) {
        Dispatch reported = dispatches.peek(dispatch);
        List<JobView> jobs = dispatch.jobs.stream().map(job -> {
            Job listed = reported.jobs().stream().filter(j -> j.id().equals(job.id())).findFirst().orElse(null);
            return new JobView(job.id(), job.phase, job.trueStatus, job.trueError, job.workerId,
                    job.participantIdentity, job.assignmentDelivered, listed == null ? null : listed.state().status());
        }).toList();
        return new DispatchView(reported, jobs);
    }
}
