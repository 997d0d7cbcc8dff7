package dev.dispatchsim.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ready when {@code GET /_sim/health} answers 200 through the mapped port, with the admin token the
 * container has when it starts (not when it was built: {@code withAdminToken} may come later).
 * A container that exits meanwhile (a bad setting: exit code 2) fails the wait at once, instead of
 * after the whole startup timeout.
 */
final class HealthWait implements WaitStrategy {

    static final String PATH = "/_sim/health";
    static final String TOKEN_HEADER = "X-Admin-Token";
    /** Between two probes; each probe itself waits up to a second for an answer. */
    private static final long PACE_MILLIS = 100;

    private final int port;
    private final Supplier<String> adminToken;
    private Duration timeout;

    HealthWait(int port, Supplier<String> adminToken, Duration timeout) {
        this.port = port;
        this.adminToken = adminToken;
        this.timeout = timeout;
    }

    @Override
    public void waitUntilReady(WaitStrategyTarget target) {
        URI health = URI.create("http://" + target.getHost() + ":" + target.getMappedPort(port) + PATH);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(health).header(TOKEN_HEADER, adminToken.get())
                .timeout(Duration.ofSeconds(1)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("interrupted while waiting for " + health, interrupted);
            }
            InspectContainerResponse.ContainerState state = target.getCurrentContainerInfo().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                throw new ContainerLaunchException("the container exited with code " + state.getExitCodeLong()
                        + " before " + PATH + " answered");
            }
            pace();
        }
        throw new ContainerLaunchException(health + " did not answer 200 within " + timeout + "; last: " + last);
    }

    @Override
    public WaitStrategy withStartupTimeout(Duration startupTimeout) {
        this.timeout = startupTimeout;
        return this;
    }

    /** The pause between probes of a poll that has a deadline. */
    private static void pace() {
        try {
            TimeUnit.MILLISECONDS.sleep(PACE_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ContainerLaunchException("interrupted while waiting for the container", interrupted);
        }
    }
}
