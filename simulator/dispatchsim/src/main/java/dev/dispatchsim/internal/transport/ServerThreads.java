package dev.dispatchsim.internal.transport;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server's request threads: Javalin's defaults (8 to 250 threads), but daemons and named
 * {@code dispatchsim-http-N}, so that a JVM whose simulator was closed can exit at once, and a thread
 * dump says whose threads they are.
 */
final class ServerThreads {

    static final String NAME = "dispatchsim-http";
    private static final int MAX = 250;
    private static final int MIN = 8;
    private static final int IDLE_MILLIS = 60_000;

    private ServerThreads() {
    }

    static QueuedThreadPool pool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX, MIN, IDLE_MILLIS);
        pool.setName(NAME);
        pool.setDaemon(true);
        return pool;
    }
}
