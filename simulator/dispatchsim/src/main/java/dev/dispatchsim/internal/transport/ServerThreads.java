package dev.dispatchsim.internal.transport;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

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

    /**
     * Runs {@code create} on a daemon thread of its own and returns what it made. Javalin starts a
     * plain thread when it is created (it sleeps 5 s, then warns if the server was never started); a new
     * thread is a daemon when the thread that starts it is one, so creating Javalin here keeps that
     * thread from holding a JVM open for 5 s after a quick start and close.
     */
    static <T> T createOnDaemonThread(Supplier<T> create) {
        AtomicReference<T> made = new AtomicReference<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread creator = new Thread(() -> {
            try {
                made.set(create.get());
            } catch (RuntimeException failure) {
                failed.set(failure);
            }
        }, NAME + "-create");
        creator.setDaemon(true);
        creator.start();
        try {
            creator.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the server", interrupted);
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return made.get();
    }

    static QueuedThreadPool pool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX, MIN, IDLE_MILLIS);
        pool.setName(NAME);
        pool.setDaemon(true);
        return pool;
    }
}
