package dev.dispatchsim.internal.transport;

import io.javalin.Javalin;
import org.eclipse.jetty.server.Server;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Jetty and Javalin log through SLF4J; how much of that a user sees is decided here, in one place.
 *
 * <p>In a test JVM with no SLF4J provider at all, slf4j 2 prints a three-line "No SLF4J providers were
 * found" warning to stderr the first time anything logs, then drops every log call, and Javalin prints
 * a banner of its own ("It looks like you don't have a logger") at every start. The simulator would be
 * what triggers both, so in exactly that case (no provider, no 1.7-era binding, no verbosity chosen by
 * the user) SLF4J's own reporting is turned down to errors, and Javalin's start is shown SLF4J's own
 * no-operation provider; nothing that could have been logged is lost. A user with logback or any other
 * provider is not touched: their configuration decides.
 */
public final class LoggingSetup {

    static final String VERBOSITY = "slf4j.internal.verbosity";
    private static final String LEGACY_BINDING = "org/slf4j/impl/StaticLoggerBinder.class";

    private LoggingSetup() {
    }

    /**
     * Before the first logger is created: silences the no-provider banner when there is no provider.
     * Returns whether it did, and so whether the server's start needs {@link #startQuietly} as well.
     */
    static boolean quietWithoutProvider() {
        ClassLoader slf4j = SLF4JServiceProvider.class.getClassLoader();
        boolean provided = Slf4jProviders.PRESENT;
        if (System.getProperty(VERBOSITY) == null && !provided && slf4j.getResource(LEGACY_BINDING) == null) {
            System.setProperty(VERBOSITY, "ERROR");
        }
        return "ERROR".equals(System.getProperty(VERBOSITY)) && !provided;
    }

    /**
     * Whether SLF4J's loader lists a provider: asked once per JVM (that loader and its class path do not
     * change), not at every start, where the service scan was a twentieth of a simulator's start.
     */
    private static final class Slf4jProviders {
        static final boolean PRESENT = hasProvider(SLF4JServiceProvider.class.getClassLoader());
    }

    /**
     * Runs {@code start} (Javalin's start) with a context class loader that also lists SLF4J's own
     * no-operation provider, which is what Javalin's missing-logger check looks for; everything else the
     * loader is asked goes to the caller's. Only this thread, and only for the start, sees it.
     */
    static void startQuietly(Runnable start) {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(new NopProviderLoader(caller != null ? caller : LoggingSetup.class.getClassLoader()));
        try {
            start.run();
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    /** Whether SLF4J will find a provider: the same lookup it makes, without instantiating any. */
    static boolean hasProvider(ClassLoader loader) {
        return ServiceLoader.load(SLF4JServiceProvider.class, loader).stream().findAny().isPresent();
    }

    /**
     * The package roots of the server's own loggers (relocated ones in the standalone jar), so the
     * standalone server can show their INFO lines only at debug level.
     */
    public static List<String> serverLoggerRoots() {
        String jettyServer = Server.class.getPackageName(); // org.eclipse.jetty.server, or its relocated name
        return List.of(Javalin.class.getPackageName(), jettyServer.substring(0, jettyServer.lastIndexOf('.')));
    }
}
