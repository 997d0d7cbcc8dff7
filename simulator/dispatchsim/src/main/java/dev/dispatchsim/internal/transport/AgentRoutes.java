package dev.dispatchsim.internal.transport;

import dev.dispatchsim.internal.auth.AuthResult;
import dev.dispatchsim.internal.auth.Claims;
import dev.dispatchsim.internal.engine.TransportFaults.Verdict;
import dev.dispatchsim.internal.engine.TransportFaults;
import dev.dispatchsim.internal.engine.WorkerCommands;
import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.worker.WorkerFrames;
import dev.dispatchsim.internal.worker.WorkerSocket;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent-worker WebSocket {@code /agent}: the token must carry {@code video.agent}, checked before
 * the upgrade (plain-text 401 otherwise); then frames go to {@link WorkerFrames}.
 */
final class AgentRoutes {

    static final String PATH = "/agent";
    private static final String CLAIMS = "dispatchsim.claims";

    private static final String CONNECT_VERDICT = "dispatchsim.connect-verdict";

    private final WorkerCommands engine;
    private final TransportFaults faults;
    private final Authenticator authenticator;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    private record Connection(String id, WorkerFrames frames) {
    }

    AgentRoutes(WorkerCommands engine, TransportFaults faults, Authenticator authenticator) {
        this.engine = engine;
        this.faults = faults;
        this.authenticator = authenticator;
    }

    void mount(RoutesConfig routes) {
        routes.wsBeforeUpgrade(PATH, this::checkToken);
        routes.ws(PATH, this::configure);
    }

    private void checkToken(Context ctx) {
        AuthResult auth = authenticator.authenticate(ctx);
        if (auth instanceof AuthResult.Rejected rejected) {
            throw refuse(ctx, 401, rejected.plainTextMessage());
        }
        Claims claims = Authenticator.claimsOf(auth);
        if (claims == null || !claims.video().agent()) {
            throw refuse(ctx, 401, "no permissions to access the room");
        }
        ctx.attribute(CLAIMS, claims);
        Verdict verdict = faults.workerConnect().join();
        if (verdict instanceof Verdict.Fail fail && fail.failure() instanceof FaultEffect.Fail.HttpStatus http) {
            throw refuse(ctx, http.status(), http.body());
        }
        ctx.attribute(CONNECT_VERDICT, verdict);
    }

    /**
     * Answers a refused upgrade with a plain-text body, as livekit-server does. Javalin drops the body of
     * an exception thrown before a WebSocket upgrade (the response went out with Content-Length 0), so the
     * answer is written and committed here; the returned exception then only stops the upgrade.
     */
    private static HttpResponseException refuse(Context ctx, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpServletResponse response = ctx.res();
        try {
            response.setStatus(status);
            response.setContentType("text/plain; charset=utf-8");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            response.flushBuffer();
        } catch (IOException gone) {
            // the client went away; nothing left to tell it
        }
        return new HttpResponseException(status, body);
    }

    private void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            Verdict verdict = ctx.attribute(CONNECT_VERDICT);
            if (verdict instanceof Verdict.Fail fail && fail.failure() instanceof FaultEffect.Fail.WsClose close) {
                new JettySocketPort(ctx.session).close(close.code(), close.reason());
                return;
            }
            if (verdict instanceof Verdict.Stall) {
                return; // accepted, then never answered: the worker waits for a RegisterWorkerResponse forever
            }
            Claims claims = ctx.attribute(CLAIMS);
            WorkerSocket socket = new WorkerSocket(new JettySocketPort(ctx.session));
            String id = engine.connected(socket, claims.apiKey()).join();
            connections.put(ctx.sessionId(), new Connection(id, new WorkerFrames(engine, id)));
        });
        ws.onBinaryMessage(ctx -> {
            byte[] frame = new byte[ctx.data().remaining()];
            ctx.data().get(frame);
            withConnection(ctx, c -> c.frames().onBinary(frame));
        });
        ws.onMessage(ctx -> withConnection(ctx, c -> c.frames().onText(ctx.message())));
        ws.onClose(ctx -> {
            Connection connection = connections.remove(ctx.sessionId());
            if (connection != null) {
                engine.closed(connection.id(), ctx.status(), ctx.reason());
            }
        });
        ws.onError(ctx -> {
            Connection connection = connections.remove(ctx.sessionId());
            if (connection != null) {
                engine.closed(connection.id(), 1006, String.valueOf(ctx.error()));
            }
        });
    }

    private void withConnection(WsContext ctx, java.util.function.Consumer<Connection> action) {
        Connection connection = connections.get(ctx.sessionId());
        if (connection != null) {
            action.accept(connection);
        }
    }
}
