package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.internal.admin.AdminApi;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@code dispatchsim healthcheck}: the Docker HEALTHCHECK. It reads the same {@code DISPATCHSIM_*}
 * env vars as the server (port, bind, admin token), asks {@code GET /_sim/health}, and exits 0 when
 * healthy and 1 otherwise (Docker reserves 2), so the image needs no curl.
 */
final class HealthCheck {

    private HealthCheck() {
    }

    static int run(EnvLayer env, PrintStream out, PrintStream err) {
        StandaloneConfig config;
        try {
            config = StandaloneConfig.resolve(Map.of(), env);
        } catch (ConfigException bad) {
            err.println("dispatchsim healthcheck: " + bad.getMessage());
            return 1;
        }
        URI uri = URI.create("http://" + host(config.bind()) + ":" + config.port() + AdminApi.PREFIX + "health");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET();
        if (config.adminToken() != null) {
            request.header("X-Admin-Token", config.adminToken());
        }
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                out.println("dispatchsim healthcheck: healthy: " + response.body());
                return 0;
            }
            err.println("dispatchsim healthcheck: " + uri + " answered " + response.statusCode() + ": " + response.body());
            return 1;
        } catch (java.io.IOException unreachable) {
            err.println("dispatchsim healthcheck: " + uri + " unreachable: " + unreachable);
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** A wildcard bind is reached over loopback; an IPv6 literal needs brackets in a URL. */
    private static String host(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]")) {
            return "127.0.0.1";
        }
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }
}
