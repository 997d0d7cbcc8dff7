package dev.dispatchsim.internal.transport;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Writes a Content-Type header byte for byte. The servlet layer rewrites known media types
 * ({@code text/plain; charset=utf-8} becomes {@code text/plain;charset=utf-8}) and Javalin gives
 * every response a default; Go's net/http sends the former and no type on a body-less 204, so the
 * header is set on Jetty's core response fields, underneath the servlet layer.
 */
final class ExactContentType {

    private ExactContentType() {
    }

    static void set(Context ctx, String value) {
        ctx.contentType(value);
        HttpFields.Mutable headers = coreHeaders(ctx);
        if (headers != null) {
            headers.put(HttpHeader.CONTENT_TYPE, value);
        }
    }

    static void none(Context ctx) {
        HttpFields.Mutable headers = coreHeaders(ctx);
        if (headers != null) {
            headers.remove(HttpHeader.CONTENT_TYPE);
        }
    }

    private static HttpFields.Mutable coreHeaders(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request == null ? null : request.getServletContextResponse().getWrapped().getHeaders();
    }
}
