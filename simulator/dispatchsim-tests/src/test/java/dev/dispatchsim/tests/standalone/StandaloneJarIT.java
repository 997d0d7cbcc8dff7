package dev.dispatchsim.tests.standalone;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.DispatchCreated;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.JobListed;
import dev.dispatchsim.journal.JournalEvent.WorkerRegistered;
import dev.dispatchsim.model.SimulatorState;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The container contract, without Docker: the relocated jar run exactly as the image's entrypoint
 * runs it (env vars only, bound to 0.0.0.0), its health check, a dispatch to a worker over a real
 * WebSocket through the relocated Jetty, the journal over the admin API, and a clean SIGTERM.
 */
@Timeout(120)
class StandaloneJarIT {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKEN = "it-admin-token";

    private static final DockerfileSpec IMAGE = DockerfileSpec.read();

    private final List<ServerProcess> processes = new ArrayList<>();

    @AfterEach
    void killAll() {
        processes.forEach(ServerProcess::close);
    }

    /** The image's ENTRYPOINT, as {@code docker run} would start it. */
    private ServerProcess run(String name, Map<String, String> env) {
        return track(ServerProcess.start(name, ServerProcess.asInImage(IMAGE.entrypoint(), IMAGE.copyTarget()), env));
    }

    /** The image's HEALTHCHECK command, in the container's env. */
    private ServerProcess healthcheck(String name, Map<String, String> env) {
        return track(ServerProcess.start(name, ServerProcess.asInImage(IMAGE.healthcheck(), IMAGE.copyTarget()), env));
    }

    private ServerProcess track(ServerProcess process) {
        processes.add(process);
        return process;
    }

    /**
     * The Dockerfile's ENV, plus what a user passes with {@code docker run -e}; the port too, since this
     * machine's 7880 may be taken (in a container it is the image's own).
     */
    private static Map<String, String> imageEnv(int port) {
        Map<String, String> env = new java.util.HashMap<>(IMAGE.env());
        env.putAll(Map.of("DISPATCHSIM_PORT", String.valueOf(port), "DISPATCHSIM_SEED", "42",
                "DISPATCHSIM_KEYS", "itkey:itsecret", "DISPATCHSIM_ADMIN_TOKEN", TOKEN, "DISPATCHSIM_LOG_LEVEL", "warn"));
        return env;
    }

    @Test
    void should_dispatch_to_a_worker_and_serve_the_journal_then_stop_on_sigterm_when_run_like_the_image() throws Exception {
        // GIVEN the jar started from env vars only, healthy by its own health check
        int port = ServerProcess.freePort();
        ServerProcess server = run("image-contract", imageEnv(port));
        server.awaitHealthy(TOKEN, STARTUP);
        ServerProcess healthcheck = healthcheck("image-healthcheck", imageEnv(port));
        assertThat(healthcheck.awaitExit(WAIT)).as(healthcheck.output()).isZero();
        String url = "http://127.0.0.1:" + port;
        SimulatorAdmin admin = SimulatorAdmin.http(url, TOKEN);

        // WHEN a worker registers over /agent and the app creates a dispatch over Twirp
        try (FakeAgentWorker worker = FakeAgentWorker.builder("ws://127.0.0.1:" + port, "itkey", "itsecret")
                .agentName("it-agent").connect()) {
            HttpResponse<String> created = new TwirpHttp(url, "itkey", "itsecret").json(
                    "livekit.AgentDispatchService/CreateDispatch", "{\"room\":\"it-room\",\"agentName\":\"it-agent\"}",
                    TwirpHttp.roomAdmin("it-room"));
            String jobId = worker.nextAssignment(WAIT).getJob().getId();

            // THEN the admin API shows what happened, in order, with the seed from the env
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            JournalEntry assigned = admin.awaitJournal(JournalQuery.of(JobAssigned.class), WAIT);
            assertThat(((JobAssigned) assigned.event()).jobId()).isEqualTo(jobId);
            assertThat(admin.journal(JournalQuery.all())).extracting(JournalEntry::type)
                    .containsSubsequence(WorkerRegistered.class.getSimpleName(), DispatchCreated.class.getSimpleName(),
                            JobAssigned.class.getSimpleName());
            // (the first job after a worker registered is listed, as JS_RUNNING, 5 s after its assignment: the listing lag)
            admin.awaitJournal(JournalQuery.of(JobListed.class), WAIT);
            SimulatorState state = admin.state();
            assertThat(state.rooms()).singleElement().satisfies(room -> assertThat(room.dispatches())
                    .filteredOn(d -> d.reported().agentName().equals("it-agent")).singleElement()
                    .satisfies(d -> assertThat(d.jobs()).singleElement().satisfies(j -> {
                        assertThat(j.jobId()).isEqualTo(jobId);
                        assertThat(j.phase()).isEqualTo(SimulatorState.Phase.ASSIGNED);
                        assertThat(j.reportedStatus()).isEqualTo(dev.dispatchsim.model.JobStatus.JS_RUNNING);
                    })));
            assertThat(admin.health().seed()).isEqualTo(42);
            AdminException noToken = catchThrowableOfType(AdminException.class, () -> SimulatorAdmin.http(url).state());
            assertThat(noToken.status()).isEqualTo(401);
        }

        // AND SIGTERM stops it cleanly and frees the port
        int exit = server.terminate(WAIT);
        assertThat(exit).as(server.output()).isIn(0, 143);
        assertThat(server.output()).contains("dispatchsim listening on").contains("dispatchsim stopped")
                .doesNotContain(TOKEN).doesNotContain("Exception");
        // AND at the default log level it printed its own lines only: the configuration once, no server chatter
        assertThat(server.output().lines().filter(line -> line.startsWith("dispatchsim config: "))).hasSize(1);
        assertThat(server.output()).doesNotContain(" INFO ").doesNotContain("SLF4J");
        try (ServerSocket rebound = new ServerSocket(port)) {
            assertThat(rebound.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void should_exit_2_naming_the_env_var_when_the_image_is_given_a_bad_value() throws Exception {
        Map<String, String> env = imageEnv(ServerProcess.freePort());
        env.put("DISPATCHSIM_AVAILABILITY_TIMEOUT", "10");

        ServerProcess server = run("bad-env", env);

        assertThat(server.awaitExit(WAIT)).isEqualTo(2);
        assertThat(server.output()).contains("dispatchsim: DISPATCHSIM_AVAILABILITY_TIMEOUT: '10' is not a duration (a unit is required)");
    }

    @Test
    void should_load_a_mounted_profile_and_exit_2_for_a_missing_one_when_given_by_env(@org.junit.jupiter.api.io.TempDir
                                                                                     java.nio.file.Path profiles)
            throws Exception {
        // GIVEN a profile file where the image mounts /profiles, and a path that does not exist
        java.nio.file.Path flaky = profiles.resolve("flaky.yaml");
        java.nio.file.Files.writeString(flaky, "name: flaky\nrules:\n  - name: r\n    at: availability_request\n    do: drop\n");
        int port = ServerProcess.freePort();
        Map<String, String> env = imageEnv(port);
        env.put("DISPATCHSIM_PROFILE", flaky.toString());
        env.put("DISPATCHSIM_LOG_LEVEL", "debug");
        Map<String, String> missing = imageEnv(ServerProcess.freePort());
        missing.put("DISPATCHSIM_PROFILE", profiles.resolve("nope.yaml").toString());

        // WHEN both are started
        ServerProcess server = run("profile-mounted", env);
        server.awaitHealthy(TOKEN, STARTUP);
        ServerProcess refused = run("profile-missing", missing);

        // THEN the mounted one is in force, the missing one is refused naming the env var
        assertThat(SimulatorAdmin.http("http://127.0.0.1:" + port, TOKEN).profile())
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("flaky"));
        assertThat(refused.awaitExit(WAIT)).isEqualTo(2);
        assertThat(refused.output()).contains("dispatchsim: DISPATCHSIM_PROFILE " + profiles.resolve("nope.yaml") + ": ");
        // AND at debug level the (relocated) server's own INFO lines show too
        assertThat(server.output()).contains("INFO dev.dispatchsim.shaded.org.eclipse.jetty.server.Server - Started");
    }
}
