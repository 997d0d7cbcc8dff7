package dev.dispatchsim.testcontainers;

import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.JobListed;
import dev.dispatchsim.testkit.FakeAgentWorker;
import io.livekit.server.RoomServiceClient;
import livekit.LivekitAgentDispatch.AgentDispatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ContainerLaunchException;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.dispatchsim.testcontainers.Images.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * DispatchSimContainer against the image this build made: the real Java server SDK and a FakeAgentWorker
 * through the mapped port, the journal read back, profiles given at start and swapped at run time, and
 * what a failed start says.
 */
@Timeout(180)
class DispatchSimContainerIT {

    private static final String IMAGE = Images.underTest();
    private static final String AGENT = "stt-agent";

    @Test
    void should_give_the_createroom_agent_to_a_worker_and_journal_it_when_the_app_uses_the_java_sdk() throws Exception {
        // tag::java-quickstart[]
        try (DispatchSimContainer sim = new DispatchSimContainer(IMAGE).withSeed(42)) {
            sim.start();
            // GIVEN an agent worker for "stt-agent", connected through the mapped port (a real one gets LIVEKIT_URL = sim.getWsUrl())
            try (FakeAgentWorker worker = FakeAgentWorker.builder(sim.getWsUrl(), sim.getApiKey(), sim.getApiSecret())
                    .agentName(AGENT).connect()) {

                // WHEN the app creates a room with that agent through the LiveKit Java SDK
                JavaSdkApp app = new JavaSdkApp(sim);
                app.createRoomWithAgent("checkout-42", AGENT, "{\"order\":42}");

                // THEN the worker gets the job, and the journal (ground truth) says so
                String jobId = worker.nextAssignment(WAIT).getJob().getId();
                JournalEntry assigned = sim.admin().awaitJournal(JournalQuery.of(JobAssigned.class), WAIT);
                assertThat(((JobAssigned) assigned.event()).jobId()).isEqualTo(jobId);
                // AND ListDispatch lists it once it is listed: the first job after a worker registered, 5 s later, as livekit-server
                sim.admin().awaitJournal(JournalQuery.of(JobListed.class), WAIT);
                assertThat(app.listDispatch("checkout-42")).singleElement()
                        .satisfies(dispatch -> assertThat(dispatch.getState().getJobs(0).getId()).isEqualTo(jobId));
            }
        }
        // end::java-quickstart[]
    }

    @Test
    void should_journal_every_call_in_order_with_the_seed_when_read_back_over_the_admin_api() throws Exception {
        try (DispatchSimContainer sim = new DispatchSimContainer(IMAGE).withSeed(7).withKeys("itkey", "it-secret-of-32-characters-00001");
             FakeAgentWorker worker = startedWith(sim)) {
            // GIVEN a container with its own seed and keys, and a worker  WHEN the app dispatches
            JavaSdkApp app = new JavaSdkApp(sim);
            AgentDispatch dispatch = app.createDispatch("journal-room", AGENT, "{}");
            worker.nextAssignment(WAIT);
            sim.admin().awaitJournal(JournalQuery.of(JobAssigned.class), WAIT);

            // THEN the admin API shows what happened, in order, with the seed and the keys it was given
            SimulatorAdmin admin = sim.admin();
            assertThat(admin.health().seed()).isEqualTo(7);
            assertThat(admin.journal(JournalQuery.all())).extracting(JournalEntry::type).containsSubsequence(
                    "WorkerRegistered", "DispatchCreated", "JobCreated", "AvailabilityRequested", "JobAssigned");
            assertThat(admin.state().rooms()).singleElement().satisfies(room -> assertThat(room.dispatches())
                    .anySatisfy(d -> assertThat(d.reported().id()).isEqualTo(dispatch.getId())));
            // the LiveKit APIs take the configured keys only
            assertThat(RoomServiceClient.createClient(sim.getHttpUrl(), "devkey", "secret").listRooms().execute().code())
                    .isEqualTo(401);
        }
    }

    @Test
    void should_drop_then_deliver_again_when_a_profile_is_swapped_in_and_cleared_through_admin() throws Exception {
        try (DispatchSimContainer sim = new DispatchSimContainer(IMAGE); FakeAgentWorker worker = startedWith(sim)) {
            // GIVEN a container started without a profile
            SimulatorAdmin admin = sim.admin();
            assertThat(admin.profile()).isEmpty();

            // WHEN a profile that drops every offer is put in force, and the app dispatches
            admin.loadProfile("name: drop-every-offer\nrules:\n  - name: drop-all\n    at: availability_request\n    do: {type: drop}\n",
                    "drop-every-offer.yaml");
            JavaSdkApp app = new JavaSdkApp(sim);
            AgentDispatch dropped = app.createDispatch("swap-room", AGENT, "{}");
            FaultApplied drop = (FaultApplied) admin.awaitJournal(JournalQuery.of(FaultApplied.class), WAIT).event();

            // AND then cleared, and the app dispatches again
            admin.clearProfile();
            AgentDispatch delivered = app.createDispatch("swap-room", AGENT, "{}");

            // THEN the first offer was dropped by that rule, and the first offer the worker ever saw is the second dispatch
            assertThat(admin.profile()).isEmpty();
            assertThat(drop.rule()).isEqualTo("drop-all");
            assertThat(drop.targets()).containsEntry("dispatch", dropped.getId());
            assertThat(worker.nextAvailabilityRequest(WAIT).getJob().getDispatchId()).isEqualTo(delivered.getId());
        }
    }

    @Test
    void should_put_a_profile_file_in_force_from_the_start_when_given_a_path(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flaky.yaml");
        // GIVEN a profile file on this machine
        Files.writeString(file, "name: flaky\nseed: 9\nrules:\n  - name: r\n    at: availability_request\n    do: {type: drop}\n");

        // WHEN a container is started with it
        try (DispatchSimContainer sim = new DispatchSimContainer(IMAGE).withProfile(file)) {
            sim.start();

            // THEN the file's profile is in force, and so is the seed only it pins
            assertThat(sim.admin().profile()).hasValueSatisfying(profile -> assertThat(profile.name()).isEqualTo("flaky"));
            assertThat(sim.admin().health().seed()).isEqualTo(9);
        }
    }

    @Test
    void should_fail_at_once_with_the_containers_log_when_a_setting_is_bad() {
        // GIVEN a profile that does not exist  WHEN the container starts
        try (DispatchSimContainer sim = new DispatchSimContainer(IMAGE).withProfile("no-such-profile")) {
            ContainerLaunchException failed = catchThrowableOfType(ContainerLaunchException.class, sim::start);

            // THEN the server's own message, from the container's log, says what is wrong
            assertThat(failed.getMessage()).contains("dispatchsim did not start from image " + IMAGE)
                    .contains("--- the container's log ---")
                    .contains("dispatchsim: DISPATCHSIM_PROFILE no-such-profile");
        }
    }

    @Test
    void should_say_how_to_build_it_without_pulling_when_the_image_is_not_there() {
        // GIVEN an image name this daemon does not have  WHEN the container starts
        try (DispatchSimContainer sim = new DispatchSimContainer("dispatchsim-not-built-here:0.0.0")) {
            ContainerLaunchException failed = catchThrowableOfType(ContainerLaunchException.class, sim::start);

            // THEN it fails at once, asking no registry, and says how to build it
            assertThat(failed.getMessage()).contains("never pulled").contains("docker build -t <name> .");
        }
    }

    /** Starts the container and connects a worker for {@link #AGENT} through its mapped port. */
    private static FakeAgentWorker startedWith(DispatchSimContainer sim) {
        sim.start();
        return FakeAgentWorker.builder(sim.getWsUrl(), sim.getApiKey(), sim.getApiSecret()).agentName(AGENT).connect();
    }
}
