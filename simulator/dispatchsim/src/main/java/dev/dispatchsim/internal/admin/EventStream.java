package dev.dispatchsim.internal.admin;

/**
 * An admin answer that is a stream of server-sent events rather than one body: the transport opens the
 * stream and runs it on a thread of its own until it returns, so this layer stays free of any HTTP server's
 * types. {@code run} returns when the client has gone ({@link Sink} answers false) or the simulator closes.
 */
@FunctionalInterface
public interface EventStream {

    void run(Sink sink);

    /** Where the events go; every method answers false once the client has gone. */
    interface Sink {

        /** One event: {@code name} (the EventSource listener), {@code data} (one line of JSON), {@code id} (for resuming). */
        boolean event(String name, String data, String id);

        /** A comment line, which keeps the connection open through proxies and shows whether the client is still there. */
        boolean comment(String text);
    }
}
