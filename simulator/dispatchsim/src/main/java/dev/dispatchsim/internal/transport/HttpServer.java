package dev.dispatchsim.internal.transport;

import dev.dispatchsim.internal.auth.TokenVerifier;
import dev.dispatchsim.internal.engine.Engine;
import dev.dispatchsim.internal.twirp.TwirpRouter;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one port everything is served on, as livekit-server does: {@code GET /} health, Twirp under
 * {@code /twirp}, the worker socket {@code /agent}, and extra routes (the admin API under {@code /_sim}).
 */
public final class HttpServer implements AutoCloseable {

    /** Jetty's own cap sits above the protocol limits, so that our checks answer first and say why. */
    private static final long JETTY_MAX_BYTES = 11L * 1024 * 1024;

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    public static Builder builder(Engine engine, TwirpRouter router, TokenVerifier verifier) {
        return new Builder(engine, router, verifier);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    public static final class Builder {
        private final Engine engine;
        private final TwirpRouter router;
        private final TokenVerifier verifier;
        private final List<Consumer<RoutesConfig>> extraRoutes = new ArrayList<>();
        private List<String> adminCorsOrigins = List.of();

        private Builder(Engine engine, TwirpRouter router, TokenVerifier verifier) {
            this.engine = engine;
            this.router = router;
            this.verifier = verifier;
        }

        public Builder routes(Consumer<RoutesConfig> routes) {
            extraRoutes.add(routes);
            return this;
        }

        /** The only web origins that get CORS headers on {@code /_sim/} (see {@link AdminCors}). */
        public Builder adminCorsOrigins(List<String> origins) {
            this.adminCorsOrigins = List.copyOf(origins);
            return this;
        }

        public HttpServer start(String bind, int port) {
            boolean noLogger = LoggingSetup.quietWithoutProvider(); // before Javalin creates its first logger
            Authenticator authenticator = new Authenticator(verifier);
            // Daemon threads, named after us: a JVM can exit right after close(), and a thread dump says whose
            // they are. Made here so that Twirp answers can be encoded and written on it (TwirpRoutes) instead of
            // on the engine thread that completes them.
            QueuedThreadPool pool = ServerThreads.pool();
            Javalin app = Javalin.create(config -> {
                config.jetty.threadPool = pool;
                config.startup.showJavalinBanner = false;
                // Javalin would start a plain (non-daemon) thread that sleeps 5 s, then warns if the server was
                // never started; we start it at once, and that thread kept a JVM open after a quick start + close.
                config.startup.startupWatcherEnabled = false;
                config.http.maxRequestSize = JETTY_MAX_BYTES;
                config.jetty.modifyServer(server -> HeaderDeadline.install(server, HeaderDeadline.DEADLINE));
                // livekit-server strips one slash from a path starting with "//"; TwirpRoutes does
                // exactly that, this only lets such a path reach it.
                config.router.treatMultipleSlashesAsSingleSlash = true;
                // Jetty reuses a connection's earlier header field when a new line matches it ignoring case (its
                // header cache), so "Authorization: bearer <t>" after "Bearer <t>" was read as the accepted value,
                // and the other way round. livekit-server judges every header exactly as sent. The cache is off
                // altogether: SDKs send a new token on most calls, and walking and filling the cache's trie with
                // each one was a tenth of the request threads' time in the CreateRoom and dispatch profiles.
                config.jetty.modifyHttpConfiguration(http -> {
                    http.setHeaderCacheCaseSensitive(true);
                    http.setHeaderCacheSize(0);
                });
                config.jetty.modifyWebSocketServletFactory(factory -> {
                    factory.setMaxBinaryMessageSize(2 * JETTY_MAX_BYTES);
                    factory.setMaxTextMessageSize(2 * JETTY_MAX_BYTES);
                    factory.setIdleTimeout(java.time.Duration.ZERO);
                });
                Cors.mount(config.routes, new AdminCors(adminCorsOrigins));
                config.routes.get("/", ctx -> ctx.contentType("text/plain").result("OK"));
                new TwirpRoutes(router, authenticator, new EngineTwirpGate(router, engine.transportFaults()), pool)
                        .mount(config.routes);
                new AgentRoutes(engine.workers(), engine.transportFaults(), authenticator).mount(config.routes);
                extraRoutes.forEach(r -> r.accept(config.routes));
            });
            if (noLogger) {
                LoggingSetup.startQuietly(() -> app.start(bind, port));
            } else {
                app.start(bind, port);
            }
            return new HttpServer(app);
        }
    }
}
