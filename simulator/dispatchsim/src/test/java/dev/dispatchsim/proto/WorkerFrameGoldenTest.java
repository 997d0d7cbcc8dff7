package dev.dispatchsim.proto;

import org.junit.jupiter.api.Test;

import static dev.dispatchsim.proto.Golden.compactJson;
import static dev.dispatchsim.proto.Golden.hex;
import static dev.dispatchsim.proto.Golden.parseJson;
import static dev.dispatchsim.proto.Golden.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * /agent frames of the real @livekit/agents 1.9.0 worker session, as captured from its traffic:
 * its binary WorkerMessages, and the ServerMessages it accepted, which the
 * capture logged as proto3 JSON.
 */
class WorkerFrameGoldenTest {

    private static final String REGISTER_HEX = "0a1e1a05312e392e303a0a0801100118015001580142097374742d6167656e74";
    private static final String AVAILABILITY_HEX = "12380a08414a5f66616b653110012a0e6167656e742d414a5f66616b65313a1a"
            + "0a0d6c6b2e6167656e742e6e616d6512097374742d6167656e74";
    private static final String JOB_JSON = "{\"id\":\"AJ_fake1\",\"room\":{\"sid\":\"RM_fake1\",\"name\":\"room-a\","
            + "\"emptyTimeout\":300},\"metadata\":\"{\\\"backend\\\":\\\"http://127.0.0.1:17890/contact\\\","
            + "\\\"lang\\\":\\\"en\\\"}\",\"agentName\":\"stt-agent\",\"state\":{},\"dispatchId\":\"AD_fake1\"}";

    @Test
    void should_decode_node_worker_register_when_frame_is_captured() throws Exception {
        // GIVEN the worker's first frame, 32 bytes
        // WHEN it is decoded as a WorkerMessage
        WorkerMessage message = WorkerMessage.parseFrom(hex(REGISTER_HEX));

        // THEN it is a register for stt-agent 1.9.0 with the SDK's default permissions
        assertThat(message.getMessageCase()).isEqualTo(WorkerMessage.MessageCase.REGISTER);
        RegisterWorkerRequest register = message.getRegister();
        assertThat(register.getAgentName()).isEqualTo("stt-agent");
        assertThat(register.getVersion()).isEqualTo("1.9.0");
        assertThat(register.getType()).isEqualTo(JobType.JT_ROOM);
        assertThat(register.hasNamespace()).isFalse();
        assertThat(register.getPingInterval()).isZero();
        assertThat(register.getDeployment()).isEmpty();
        ParticipantPermission permissions = register.getAllowedPermissions();
        assertThat(permissions.getCanSubscribe()).isTrue();
        assertThat(permissions.getCanPublish()).isTrue();
        assertThat(permissions.getCanPublishData()).isTrue();
        assertThat(permissions.getCanUpdateMetadata()).isTrue();
        assertThat(permissions.getAgent()).isTrue();
        assertThat(permissions.getHidden()).isFalse();
        assertThat(permissions.getCanSubscribeMetrics()).isFalse();
        assertThat(message.getUnknownFields().asMap()).isEmpty();
    }

    @Test
    void should_print_the_captured_json_and_bytes_when_register_is_reencoded() throws Exception {
        // GIVEN the decoded register frame
        WorkerMessage message = WorkerMessage.parseFrom(hex(REGISTER_HEX));

        // WHEN it is printed as proto3 JSON and encoded again
        // THEN it is the capture's JSON document and the same 32 bytes
        assertThat(compactJson(message)).isEqualTo(tree("{\"register\":{\"version\":\"1.9.0\",\"allowedPermissions\":"
                + "{\"canSubscribe\":true,\"canPublish\":true,\"canPublishData\":true,\"canUpdateMetadata\":true,"
                + "\"agent\":true},\"agentName\":\"stt-agent\"}}"));
        assertThat(hex(message)).isEqualTo(REGISTER_HEX);
    }

    @Test
    void should_decode_node_worker_availability_when_frame_is_captured() throws Exception {
        // GIVEN the worker's 58-byte answer to the AvailabilityRequest
        // WHEN it is decoded
        WorkerMessage message = WorkerMessage.parseFrom(hex(AVAILABILITY_HEX));

        // THEN it accepts AJ_fake1 as agent-AJ_fake1 with the Node SDK's lk.agent.name attribute
        assertThat(message.getMessageCase()).isEqualTo(WorkerMessage.MessageCase.AVAILABILITY);
        AvailabilityResponse availability = message.getAvailability();
        assertThat(availability.getJobId()).isEqualTo("AJ_fake1");
        assertThat(availability.getAvailable()).isTrue();
        assertThat(availability.getTerminate()).isFalse();
        assertThat(availability.getParticipantIdentity()).isEqualTo("agent-AJ_fake1");
        assertThat(availability.getParticipantName()).isEmpty();
        assertThat(availability.getParticipantMetadata()).isEmpty();
        assertThat(availability.getParticipantAttributesMap()).containsExactly(
                entry("lk.agent.name", "stt-agent"));
        assertThat(compactJson(message)).isEqualTo(tree("{\"availability\":{\"jobId\":\"AJ_fake1\",\"available\":true,"
                + "\"participantIdentity\":\"agent-AJ_fake1\",\"participantAttributes\":{\"lk.agent.name\":\"stt-agent\"}}}"));
        assertThat(hex(message)).isEqualTo(AVAILABILITY_HEX);
    }

    @Test
    void should_read_the_server_frames_the_worker_accepted_when_given_as_json() {
        // GIVEN the register, availability, assignment, termination and pong frames the worker accepted
        String register = "{\"register\":{\"workerId\":\"AW_fake1\",\"serverInfo\":{\"version\":\"1.9.0-fake\","
                + "\"protocol\":16,\"nodeId\":\"ND_fake\",\"agentProtocol\":1}}}";
        String availability = "{\"availability\":{\"job\":" + JOB_JSON + "}}";
        String assignment = "{\"assignment\":{\"job\":" + JOB_JSON + ",\"url\":\"ws://127.0.0.1:17890\","
                + "\"token\":\"eyJhbGciOiJIUzI1NiJ9.e30.sig\"}}";
        String termination = "{\"termination\":{\"jobId\":\"AJ_fake1\"}}";
        String pong = "{\"pong\":{\"lastTimestamp\":\"1\",\"timestamp\":\"2\"}}";

        // WHEN each is parsed as a ServerMessage
        ServerMessage registerMessage = parseJson(register, ServerMessage.newBuilder()).build();
        ServerMessage availabilityMessage = parseJson(availability, ServerMessage.newBuilder()).build();
        ServerMessage assignmentMessage = parseJson(assignment, ServerMessage.newBuilder()).build();

        // THEN the oneof case and the values are right and each prints back to the same document
        assertThat(registerMessage.getRegister().getServerInfo().getEdition()).isEqualTo(ServerInfo.Edition.Standard);
        assertThat(registerMessage.getRegister().getServerInfo().getAgentProtocol()).isEqualTo(1);
        Job job = availabilityMessage.getAvailability().getJob();
        assertThat(job.getDispatchId()).isEqualTo("AD_fake1");
        assertThat(job.getRoom().getEmptyTimeout()).isEqualTo(300);
        assertThat(job.hasState()).isTrue();
        assertThat(job.hasParticipant()).isFalse();
        assertThat(assignmentMessage.getAssignment().hasUrl()).isTrue();
        assertThat(assignmentMessage.getAssignment().getJob()).isEqualTo(job);
        assertThat(compactJson(registerMessage)).isEqualTo(tree(register));
        assertThat(compactJson(availabilityMessage)).isEqualTo(tree(availability));
        assertThat(compactJson(assignmentMessage)).isEqualTo(tree(assignment));
        assertThat(compactJson(parseJson(termination, ServerMessage.newBuilder()))).isEqualTo(tree(termination));
        assertThat(parseJson(pong, ServerMessage.newBuilder()).getPong().getTimestamp()).isEqualTo(2L);
    }

    @Test
    void should_omit_url_when_assignment_leaves_it_unset_like_the_oss_server() throws Exception {
        // GIVEN an assignment without url, as livekit-server sends it
        ServerMessage message = ServerMessage.newBuilder()
                .setAssignment(JobAssignment.newBuilder().setJob(Job.newBuilder().setId("AJ_1")).setToken("t"))
                .build();

        // WHEN it goes over the wire and back
        ServerMessage decoded = ServerMessage.parseFrom(message.toByteArray());

        // THEN url stays absent (the SDK then falls back to its own LIVEKIT_URL), even in JSON with defaults
        assertThat(decoded.getAssignment().hasUrl()).isFalse();
        assertThat(Golden.fullJson(decoded).get("assignment").has("url")).isFalse();
    }

    @Test
    void should_keep_ws_available_present_when_status_is_the_zero_value() throws Exception {
        // GIVEN the worker's periodic status frames: WS_AVAILABLE (enum value 0) with a load, and WS_FULL alone
        UpdateWorkerStatus available = parseJson("{\"updateWorker\":{\"status\":\"WS_AVAILABLE\","
                + "\"load\":0.43110746145248413}}", WorkerMessage.newBuilder()).getUpdateWorker();
        UpdateWorkerStatus full = parseJson("{\"updateWorker\":{\"status\":\"WS_FULL\"}}",
                WorkerMessage.newBuilder()).getUpdateWorker();

        // WHEN the first is encoded and decoded again
        UpdateWorkerStatus decoded = UpdateWorkerStatus.parseFrom(available.toByteArray());

        // THEN status is still present (that is what `optional` is for) and a missing load reads as 0
        assertThat(decoded.hasStatus()).isTrue();
        assertThat(decoded.getStatus()).isEqualTo(WorkerStatus.WS_AVAILABLE);
        assertThat(decoded.getLoad()).isEqualTo(0.43110746f);
        assertThat(full.getStatus()).isEqualTo(WorkerStatus.WS_FULL);
        assertThat(full.getLoad()).isZero();
        assertThat(UpdateWorkerStatus.newBuilder().setLoad(1f).build().hasStatus()).isFalse();
    }
}
