package dev.dispatchsim.internal.transport;

import dev.dispatchsim.internal.admin.AdminApi;
import dev.dispatchsim.internal.admin.AdminRequest;
import dev.dispatchsim.internal.admin.AdminResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Map;

/**
 * Mounts the admin API on Javalin under {@code /_sim/}: copies the request into an
 * {@link AdminRequest} and the {@link AdminResponse} back; every decision is made in {@link AdminApi}.
 * Handlers run on the request thread; the journal long-poll holds one server thread while it waits.
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
        ctx.status(response.status());
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            ctx.header(header.getKey(), header.getValue());
        }
        if (response.contentType() != null) {
            ctx.contentType(response.contentType());
        }
        ctx.result(response.body());
    }
}
