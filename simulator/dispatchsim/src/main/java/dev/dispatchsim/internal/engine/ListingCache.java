package dev.dispatchsim.internal.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Which launches pay the listing lag. livekit-server keeps a cache of which agent names have workers
 * (1 minute TTL, invalidated when a worker registers); measured on 1.13.5, the first launch after a
 * registration, and often the first after the cache sat idle for more than its TTL, is listed by
 * ListDispatch about 5 s late although its worker was asked and assigned at once. Later launches are
 * listed at assignment. Only launches that create a job count: a launch no worker serves lists nothing.
 */
final class ListingCache {

    static final Duration TTL = Duration.ofMinutes(1);

    private boolean stale = true;
    private Instant lastLaunch;

    /** A worker registered: the next launch rebuilds the cache. */
    void workerRegistered() {
        stale = true;
    }

    /** Whether a launch now is a cold one (its listing lags); either way the cache is fresh after it. */
    boolean coldLaunch(Instant now) {
        boolean cold = stale || lastLaunch == null || Duration.between(lastLaunch, now).compareTo(TTL) > 0;
        stale = false;
        lastLaunch = now;
        return cold;
    }
}
