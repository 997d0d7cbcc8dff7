package dev.dispatchsim.internal.engine;

import dev.dispatchsim.clock.SimClock;
import dev.dispatchsim.internal.clock.EventLoop;
import dev.dispatchsim.internal.clock.ScheduledTask;
import dev.dispatchsim.internal.clock.SeededRandoms;
import dev.dispatchsim.journal.JournalEvent;
import dev.dispatchsim.model.SimulatorState.Phase;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/** Everything the engine owns, in one place; touched only on the engine thread. */
final class SimState {

    final EventLoop loop;
    final SimClock clock;
    final JournalRing journal;
    final JobTokenIssuer tokens;
    EngineConfig config;
    Ids ids;
    Random workerChoice;
    String nodeId;
    /** Every record a walk over the maps below visited: what a dispatch costs, counted (see {@link CountedMap}). */
    final CountedMap.Visits visits = new CountedMap.Visits();
    final Map<String, RoomRecord> rooms = new CountedMap<>(visits);
    final Map<String, WorkerRecord> connections = new CountedMap<>(visits);
    final Map<String, JobRecord> jobs = new CountedMap<>(visits);
    /** Registered workers by id and pool key: worker choice without a walk over every connection. */
    final WorkerIndex workers = new WorkerIndex();
    /**
     * Jobs waiting for an availability answer, in creation order: the in-flight count the fault engine asks
     * for at every decision is its size, O(1), and a closing worker's offers are found among these only.
     */
    final Map<String, JobRecord> offering = new CountedMap<>(visits);
    /** Which launch is listed late (see {@link ListingCache}); fresh after every reset. */
    ListingCache listing;
    int registrations;
    int connectionCount;
    /** Counts resets: connection handles carry it, so a socket from before a reset never finds a new worker. */
    int generation;

    SimState(EventLoop loop, EngineConfig config, JobTokenIssuer tokens) {
        this.loop = loop;
        this.clock = loop.clock();
        this.journal = new JournalRing(clock, config.journalCapacity());
        this.tokens = tokens;
        reseed(config);
    }

    /** Fresh generators from the seed: after a reset the same inputs give the same ids and choices again. */
    void reseed(EngineConfig newConfig) {
        this.config = newConfig;
        this.ids = new Ids(newConfig.seed());
        this.workerChoice = SeededRandoms.derive(newConfig.seed(), "worker-choice");
        this.nodeId = new Ids(SeededRandoms.mix(newConfig.seed(), "node")).next("ND_").substring(0, 11);
        this.listing = new ListingCache();
        this.registrations = 0;
        this.connectionCount = 0;
        this.generation++;
    }

    /** A new job, offered from now on. */
    void addJob(JobRecord job) {
        jobs.put(job.id(), job);
        offering.put(job.id(), job);
    }

    /** Every change of a job's phase goes through here, so the offering set stays exact. */
    void phase(JobRecord job, Phase next) {
        job.phase = next;
        if (next != Phase.OFFERING) {
            offering.remove(job.id());
        }
        retireIfDone(job);
    }

    /**
     * Drops a job from the state once nothing can ask for it again: its room has closed (ListDispatch cannot
     * name it), it is not waiting for an answer, and no worker still runs it (the worker's registry keeps a
     * running job until the worker reports it over or goes away, as the real server's does). Its dispatch and
     * its room's participants went with the room; timers still due hold the record themselves and re-check.
     */
    void retireIfDone(JobRecord job) {
        if (job.phase == Phase.OFFERING || jobs.get(job.id()) != job) {
            return;
        }
        RoomRecord room = rooms.get(job.job.room().name());
        if (room != null && room.sid.equals(job.job.room().sid())) {
            return;
        }
        WorkerRecord worker = job.workerId.isEmpty() ? null : workers.byId(job.workerId);
        if (worker != null && worker.runningJobs.contains(job.id())) {
            return;
        }
        jobs.remove(job.id());
    }

    Instant now() {
        return clock.now();
    }

    void journal(JournalEvent event) {
        journal.append(event);
    }

    /**
     * Runs {@code task} after {@code delay} of simulated time, unless a reset comes first: a reset starts a new
     * world, and nothing scheduled in the old one may act in it, not even a timer of a job that already left
     * the state with its room (its reseeded ids could name a new room of the same name).
     */
    ScheduledTask schedule(Duration delay, Runnable task) {
        int scheduledIn = generation;
        return loop.schedule(delay, () -> {
            if (generation == scheduledIn) {
                task.run();
            }
        });
    }

    static void cancel(ScheduledTask timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
