package dev.dispatchsim.internal.engine;

import dev.dispatchsim.clock.SimClock;
import dev.dispatchsim.internal.clock.EventLoop;
import dev.dispatchsim.internal.clock.ScheduledTask;
import dev.dispatchsim.internal.clock.SeededRandoms;
import dev.dispatchsim.journal.JournalEvent;

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

    Instant now() {
        return clock.now();
    }

    void journal(JournalEvent event) {
        journal.append(event);
    }

    ScheduledTask schedule(Duration delay, Runnable task) {
        return loop.schedule(delay, task);
    }

    static void cancel(ScheduledTask timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
