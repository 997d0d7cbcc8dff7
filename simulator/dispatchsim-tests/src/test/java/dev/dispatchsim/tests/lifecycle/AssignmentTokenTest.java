package dev.dispatchsim.tests.lifecycle;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.AvailabilityResponse;
import dev.dispatchsim.proto.JobAssignment;
import dev.dispatchsim.proto.ParticipantPermission;
import dev.dispatchsim.proto.RegisterWorkerRequest;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.testkit.AvailabilityPolicy;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The JobAssignment token (reference 5.9), decoded with java-jwt and verified with the worker's API secret. */
@Timeout(30)
// The token and the identity are the point here, not when the agent joins: it joins with the assignment.
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 83, agentJoinDelayMillis = 0)
class AssignmentTokenTest {

    @Test
    void should_carry_identity_kind_attributes_grants_and_one_hour_when_the_worker_accepts(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a worker that answers with its own name, metadata and attributes
        try (FakeAgentWorker worker = Sims.worker(sim, "tok-agent").policy(AvailabilityPolicy.ignore()).connect()) {
            new RoomApi(sim).createRoom("tok-room", "[{\"agentName\":\"tok-agent\"}]");
            String jobId = worker.nextAvailabilityRequest(WAIT).getJob().getId();
            worker.send(accept(jobId, "agent-x", "Agent X", "{\"v\":1}", Map.of("role", "stt")));

            // WHEN the assignment arrives
            JobAssignment assignment = worker.nextAssignment(WAIT);

            // THEN the token verifies with the API secret and says who the agent is and what it may do
            DecodedJWT token = verify(clock, sim, assignment);
            assertThat(token.getAlgorithm()).isEqualTo("HS256");
            assertThat(token.getIssuer()).isEqualTo(sim.apiKey());
            assertThat(token.getSubject()).isEqualTo("agent-x");
            assertThat(token.getClaim("name").asString()).isEqualTo("Agent X");
            assertThat(token.getClaim("metadata").asString()).isEqualTo("{\"v\":1}");
            assertThat(token.getClaim("kind").asString()).isEqualTo("agent");
            assertThat(token.getClaim("attributes").asMap()).containsOnly(entry("role", "stt"),
                    entry("lk.agent_name", "tok-agent"));
            assertThat(token.getClaim("video").asMap()).containsOnly(entry("roomJoin", true), entry("room", "tok-room"),
                    entry("agent", true), entry("canPublish", true), entry("canSubscribe", true),
                    entry("canPublishData", true), entry("canUpdateOwnMetadata", true), entry("canSubscribeMetrics", false));

            // AND it is valid for one hour from the simulated now
            assertThat(token.getIssuedAtAsInstant()).isEqualTo(clock.now());
            assertThat(token.getNotBeforeAsInstant()).isEqualTo(clock.now());
            assertThat(token.getExpiresAtAsInstant()).isEqualTo(clock.now().plusSeconds(3600));
        }
    }

    @Test
    void should_copy_the_registered_permissions_when_the_worker_restricts_them(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a worker registered as hidden, not allowed to publish
        try (FakeAgentWorker worker = Sims.worker(sim, "hidden-agent").permissions(ParticipantPermission.newBuilder()
                .setCanSubscribe(true).setCanPublish(false).setHidden(true).setCanSubscribeMetrics(true).build()).connect()) {
            // WHEN it gets a job
            new RoomApi(sim).createRoom("h-room", "[{\"agentName\":\"hidden-agent\"}]");
            Map<String, Object> video = video(clock, sim, worker.nextAssignment(WAIT));

            // THEN the grants mirror the registration, with hidden present because it is true
            assertThat(video).contains(entry("canPublish", false), entry("canSubscribe", true),
                    entry("canPublishData", false), entry("canUpdateOwnMetadata", false),
                    entry("canSubscribeMetrics", true), entry("hidden", true));
        }
    }

    @Test
    void should_grant_the_default_permissions_when_register_has_none(LiveKitSimulator sim, ManualClock clock) {
        // GIVEN a worker whose register carries no allowed_permissions
        try (FakeAgentWorker worker = Sims.worker(sim, "bare").withoutRegister().open()) {
            worker.send(WorkerMessage.newBuilder().setRegister(RegisterWorkerRequest.newBuilder().setAgentName("bare")).build());
            worker.awaitRegistered(WAIT);

            // WHEN it gets a job
            new RoomApi(sim).createRoom("b-room", "[{\"agentName\":\"bare\"}]");
            Map<String, Object> video = video(clock, sim, worker.nextAssignment(WAIT));

            // THEN subscribe, publish, publish data and update metadata are granted (reference 5.2 step 3)
            assertThat(video).contains(entry("canPublish", true), entry("canSubscribe", true),
                    entry("canPublishData", true), entry("canUpdateOwnMetadata", true)).doesNotContainKey("hidden");
        }
    }

    @Test
    void should_use_one_identity_everywhere_when_the_worker_asks_for_none(LiveKitSimulator sim) {
        // GIVEN a worker that accepts without a participant identity
        try (FakeAgentWorker worker = Sims.worker(sim, "nameless").policy(AvailabilityPolicy.ignore()).connect()) {
            RoomApi api = new RoomApi(sim);
            api.createRoom("n-room", "[{\"agentName\":\"nameless\"}]");
            String jobId = worker.nextAvailabilityRequest(WAIT).getJob().getId();
            worker.send(accept(jobId, "", "", "", Map.of()));

            // WHEN the assignment arrives
            JobAssignment assignment = worker.nextAssignment(WAIT);
            sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);

            // THEN the job state, the room participant and the token's subject name the same identity
            String identity = assignment.getJob().getState().getParticipantIdentity();
            assertThat(identity).isNotEmpty();
            assertThat(api.listParticipants("n-room").getParticipants(0).getIdentity()).isEqualTo(identity);
            assertThat(JWT.decode(assignment.getToken()).getSubject()).isEqualTo(identity);
        }
    }

    private static WorkerMessage accept(String jobId, String identity, String name, String metadata,
                                        Map<String, String> attributes) {
        return WorkerMessage.newBuilder().setAvailability(AvailabilityResponse.newBuilder().setJobId(jobId)
                .setAvailable(true).setParticipantIdentity(identity).setParticipantName(name)
                .setParticipantMetadata(metadata).putAllParticipantAttributes(attributes)).build();
    }

    private Map<String, Object> video(ManualClock clock, LiveKitSimulator sim, JobAssignment assignment) {
        return verify(clock, sim, assignment).getClaim("video").asMap();
    }

    /** Verified at the simulated now: the token's times follow the simulator's clock, not the wall clock. */
    private DecodedJWT verify(ManualClock clock, LiveKitSimulator sim, JobAssignment assignment) {
        Clock simulatedNow = Clock.fixed(clock.now(), ZoneOffset.UTC);
        return ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(sim.apiSecret()))).build(simulatedNow)
                .verify(assignment.getToken());
    }
}
