package dev.dispatchsim.internal.transport;

import dev.dispatchsim.internal.admin.AdminApi;
import dev.dispatchsim.internal.admin.AdminRequest;
import dev.dispatchsim.internal.admin.AdminResponse;
import dev.dispatchsim.internal.admin.EventStream;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;

import java.util.Map;

/**
 * Mounts the admin API on Javalin under {@code /_sim/}: copies the request into an
 * {@link AdminRequest} and the {@link AdminResponse} back; every decision is made in {@link AdminApi}.
 * Handlers run on the request thread; an answer that comes later (the journal long poll) is written when
 * its future completes, and no server thread waits for it meanwhile. An answer that is an {@link EventStream}
 * (the timeline UI's live feed) runs as server-sent events on Javalin's async thread until the stream returns.
 */
public final class AdminRoutes {

    private final AdminApi api;

    public AdminRoutes(AdminApi api) {
        this.api = api;
    }

    public void mount(RoutesConfig routes) {
        String path = AdminApi.PREFIX + "*";
        routes.get(path, this::handle);
        routes.post(path, this::handle);
        routes.put(path, this::handle);
        routes.patch(path, this::handle);
        routes.delete(path, this::handle);
    }

    private void handle(Context ctx) {
        AdminRequest request = new AdminRequest(ctx.method().name(), ctx.path(), ctx.queryParamMap(), ctx.headerMap(),
                ctx.body(), ctx.ip());
        AdminResponse response = api.handle(request);
        if (response.stream() != null) {
            new SseHandler(client -> stream(client, response.stream())).handle(ctx);
            return;
        }
        if (response.later() != null) {
            ctx.future(() -> response.later().thenAccept(answer -> write(ctx, answer)));
            return;
        }
        write(ctx, response);
    }

    private static void write(Context ctx, AdminResponse response) {
        ctx.status(response.status());
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            ctx.header(header.getKey(), header.getValue());
        }
        if (response.contentType() != null) {
            ctx.contentType(response.contentType());
        }
        ctx.result(response.body());
    }

    private static void stream(SseClient client, EventStream stream) {
        try {
            stream.run(new EventStream.Sink() {
                @Override
                public boolean event(String name, String data, String id) {
                    if (client.terminated()) {
                        return false;
                    }
                    client.sendEvent(name, data, id);
                    return !client.terminated();
                }

                @Override
                public boolean comment(String text) {
                    if (client.terminated()) {
                        return false;
                    }
                    client.sendComment(text);
                    return !client.terminated();
                }
            });
        } finally {
            client.close();
        }
    }
}
