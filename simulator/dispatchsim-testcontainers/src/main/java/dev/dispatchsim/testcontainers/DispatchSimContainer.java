package dev.dispatchsim.testcontainers;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Ports;
import dev.dispatchsim.admin.SimulatorAdmin;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The dispatchsim Docker image as a Testcontainers container: a LiveKit-compatible server for the
 * app's server SDK ({@link #getHttpUrl()}) and its agent workers ({@link #getWsUrl()}), configured
 * through the image's {@code DISPATCHSIM_*} env vars, and driven through {@link #admin()}.
 *
 * <pre>{@code
 * try (DispatchSimContainer sim = new DispatchSimContainer("dispatchsim:0.1.0")
 *         .withProfile("createroom-agents-dropped").withSeed(42)) {
 *     sim.start();
 *     RoomServiceClient rooms = RoomServiceClient.createClient(sim.getHttpUrl(), sim.getApiKey(), sim.getApiSecret());
 *     ...
 *     sim.admin().journal(JournalQuery.all());
 * }
 * }</pre>
 *
 * <p>Ready when {@code GET /_sim/health} answers through the mapped port. The admin API always has a
 * token: a random one unless {@link #withAdminToken(String)} names it, so {@link #admin()} works
 * whatever the image does for a server bound to every interface without one. When Docker's ports are
 * reached over loopback (a local daemon), the port is published on 127.0.0.1 only. A start that
 * fails throws with the container's own log in the message. A local image name (no registry) is
 * never pulled: dispatchsim images are built, not downloaded (docs/docker.md).
 */
public class DispatchSimContainer extends GenericContainer<DispatchSimContainer> {

    /** The port the image listens on, for the LiveKit APIs, the agent WebSocket and the admin API. */
    public static final int PORT = 7880;
    /** Where {@link #withProfile(Path)} puts a profile file in the container. */
    public static final String PROFILES_DIR = "/profiles/";

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);
    private static final SecureRandom TOKENS = new SecureRandom();

    private final LogTail logTail = new LogTail();
    private String apiKey = "devkey";
    private String apiSecret = "secret";
    private String adminToken = randomToken();

    /** A container of {@code image}, e.g. {@code dispatchsim:0.1.0} as built from the repository's Dockerfile. */
    public DispatchSimContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public DispatchSimContainer(DockerImageName image) {
        super(image);
        withExposedPorts(PORT);
        withEnv("DISPATCHSIM_KEYS", apiKey + ":" + apiSecret);
        withEnv("DISPATCHSIM_ADMIN_TOKEN", adminToken);
        waitingFor(new HealthWait(PORT, this::getAdminToken, STARTUP_TIMEOUT));
        withLogConsumer(logTail);
        withImagePullPolicy(name -> !name.getRegistry().isEmpty() && PullPolicy.defaultPolicy().shouldPull(name));
        withCreateContainerCmdModifier(this::publishOnLoopbackWhenReachedThere);
    }

    /**
     * A fault profile in force from the start: the name of a bundled profile
     * ({@code createroom-agents-dropped}) or a path inside the container.
     */
    public DispatchSimContainer withProfile(String nameOrPathInContainer) {
        return withEnv("DISPATCHSIM_PROFILE", requireText(nameOrPathInContainer, "profile"));
    }

    /** A YAML or JSON profile file from this machine, copied into {@value #PROFILES_DIR} and in force from the start. */
    public DispatchSimContainer withProfile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no profile file at " + file.toAbsolutePath()
                    + "; for a bundled profile, pass its name as a String");
        }
        String inContainer = PROFILES_DIR + file.getFileName();
        withCopyFileToContainer(MountableFile.forHostPath(file, 0644), inContainer);
        return withProfile(inContainer);
    }

    /** The master seed for ids, worker choice and fault draws: the same seed gives the same journal. */
    public DispatchSimContainer withSeed(long seed) {
        return withEnv("DISPATCHSIM_SEED", Long.toString(seed));
    }

    /**
     * The API key and secret the LiveKit APIs and workers authenticate with (default
     * {@code devkey}/{@code secret}); {@code @livekit/agents} wants a secret of 32 characters or more.
     */
    public DispatchSimContainer withKeys(String apiKey, String apiSecret) {
        requireText(apiKey, "API key");
        requireText(apiSecret, "API secret");
        if (apiKey.contains(":") || apiKey.contains(",") || apiSecret.contains(",")) {
            throw new IllegalArgumentException("an API key may contain neither ':' nor ',' and a secret no ','");
        }
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        return withEnv("DISPATCHSIM_KEYS", apiKey + ":" + apiSecret);
    }

    /** {@link ClockMode#MANUAL}: simulated time moves only on {@code admin().advanceClock(...)}. */
    public DispatchSimContainer withClock(ClockMode clock) {
        return withEnv("DISPATCHSIM_CLOCK", Objects.requireNonNull(clock, "clock").value());
    }

    /** The token every {@code /_sim/} call must carry (default: a random one per container). */
    public DispatchSimContainer withAdminToken(String token) {
        this.adminToken = requireText(token, "admin token");
        return withEnv("DISPATCHSIM_ADMIN_TOKEN", token);
    }

    /** For the app's server SDK (RoomServiceClient, AgentDispatchClient): {@code http://host:port}. */
    public String getHttpUrl() {
        return "http://" + getHost() + ":" + getMappedPort(PORT);
    }

    /** For agent workers ({@code LIVEKIT_URL}): {@code ws://host:port}. */
    public String getWsUrl() {
        return "ws://" + getHost() + ":" + getMappedPort(PORT);
    }

    public String getApiKey() {
        return apiKey;
    }

    public String getApiSecret() {
        return apiSecret;
    }

    public String getAdminToken() {
        return adminToken;
    }

    /** The admin API over HTTP, with the admin token: journal, state, profile swap, clock, reset. */
    public SimulatorAdmin admin() {
        return SimulatorAdmin.http(getHttpUrl(), adminToken);
    }

    /**
     * Starts it; a start that fails says why with the container's own log (a bad setting names itself
     * there), and leaves no container behind.
     */
    @Override
    public void start() {
        try {
            super.start();
        } catch (RuntimeException failed) {
            String log = containerLog();
            stop();
            throw new ContainerLaunchException("dispatchsim did not start from image " + getDockerImageName()
                    + hint(failed) + "\n--- the container's log ---\n" + log, failed);
        }
    }

    /** All of it while the container exists (`docker logs`), else what was streamed from it. */
    private String containerLog() {
        if (getContainerId() != null) {
            try {
                return getLogs();
            } catch (RuntimeException gone) {
                return logTail.text();
            }
        }
        return logTail.text();
    }

    private static String hint(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("No such image")) {
                return ": this Docker daemon has no such image, and a local image name is never pulled. Build it:"
                        + " mvn -B package -DskipTests && docker build -t <name> . (docs/docker.md)";
            }
        }
        return "";
    }

    /**
     * Published ports are bound to 127.0.0.1 when the tests reach Docker's ports over loopback anyway
     * (a local daemon), so nothing else on the network can reach the simulator; otherwise (a remote
     * daemon, tests inside a container) as Testcontainers binds them.
     */
    private void publishOnLoopbackWhenReachedThere(CreateContainerCmd create) {
        if (!isLoopback(getHost()) || create.getHostConfig() == null || create.getHostConfig().getPortBindings() == null) {
            return;
        }
        Ports loopback = new Ports();
        create.getHostConfig().getPortBindings().getBindings().forEach((exposed, bindings) -> {
            for (Ports.Binding binding : bindings == null ? new Ports.Binding[] {Ports.Binding.empty()} : bindings) {
                boolean anyAddress = binding.getHostIp() == null || binding.getHostIp().isEmpty()
                        || binding.getHostIp().equals("0.0.0.0");
                loopback.bind(exposed, anyAddress ? new Ports.Binding("127.0.0.1", binding.getHostPortSpec()) : binding);
            }
        });
        create.getHostConfig().withPortBindings(loopback);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    private static String randomToken() {
        byte[] token = new byte[16];
        TOKENS.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be blank");
        }
        return value;
    }
}
