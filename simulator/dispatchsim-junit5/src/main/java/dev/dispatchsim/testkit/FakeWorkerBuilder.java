package dev.dispatchsim.testkit;

import dev.dispatchsim.clock.SystemClock;
import dev.dispatchsim.proto.JobType;
import dev.dispatchsim.proto.ParticipantPermission;
import dev.dispatchsim.proto.RegisterWorkerRequest;

import java.time.Duration;

/** Builds a {@link FakeAgentWorker}; by default it registers like the real Node worker and accepts every job. */
public final class FakeWorkerBuilder {

    private final String wsUrl;
    private final String apiKey;
    private final String apiSecret;
    private String token;
    private final RegisterWorkerRequest.Builder registration = RegisterWorkerRequest.newBuilder()
            .setVersion("dispatchsim-fake")
            .setAllowedPermissions(ParticipantPermission.newBuilder()
                    .setCanPublish(true).setCanSubscribe(true).setCanPublishData(true).setCanUpdateMetadata(true)
                    .setAgent(true));
    private AvailabilityPolicy policy = AvailabilityPolicy.accept();
    private String identityPrefix = "agent-";
    private boolean autoRegister = true;
    private Duration timeout = Duration.ofSeconds(5);
    private String query = "";
    private boolean tokenInQuery;

    FakeWorkerBuilder(String wsUrl, String apiKey, String apiSecret) {
        this.wsUrl = wsUrl;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    public FakeWorkerBuilder agentName(String value) {
        registration.setAgentName(value);
        return this;
    }

    public FakeWorkerBuilder jobType(JobType value) {
        registration.setType(value);
        return this;
    }

    /** The deprecated {@code namespace} of RegisterWorkerRequest (part of the server's pool key). */
    public FakeWorkerBuilder namespace(String value) {
        registration.setNamespace(value);
        return this;
    }

    public FakeWorkerBuilder deployment(String value) {
        registration.setDeployment(value);
        return this;
    }

    public FakeWorkerBuilder permissions(ParticipantPermission value) {
        registration.setAllowedPermissions(value);
        return this;
    }

    public FakeWorkerBuilder policy(AvailabilityPolicy value) {
        this.policy = value;
        return this;
    }

    /** The identity the agent asks for is prefix + job id (the Python SDK's default is "agent-" + job id). */
    public FakeWorkerBuilder identityPrefix(String value) {
        this.identityPrefix = value;
        return this;
    }

    /** Use this upgrade token instead of a valid {@code video.agent} one (for auth tests). */
    public FakeWorkerBuilder token(String value) {
        this.token = value;
        return this;
    }

    /** A query string for the upgrade URL, without the '?' (the server accepts any). */
    public FakeWorkerBuilder query(String value) {
        this.query = value;
        return this;
    }

    /** Send the token as the {@code access_token} query parameter instead of the Authorization header. */
    public FakeWorkerBuilder tokenInQuery() {
        this.tokenInQuery = true;
        return this;
    }

    /** Connect without sending register (for protocol tests). */
    public FakeWorkerBuilder withoutRegister() {
        this.autoRegister = false;
        return this;
    }

    public FakeWorkerBuilder timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    /** Connects and registers, and waits for RegisterWorkerResponse. */
    public FakeAgentWorker connect() {
        FakeAgentWorker worker = open();
        if (autoRegister) {
            worker.awaitRegistered(timeout);
        }
        return worker;
    }

    /** Connects (and sends register unless {@link #withoutRegister()}) without waiting for an answer. */
    public FakeAgentWorker open() {
        String upgradeToken = token != null ? token : TestTokens.agent(apiKey, apiSecret, new SystemClock().now());
        return new FakeAgentWorker(new FakeWorkerSettings(wsUrl, upgradeToken, registration.build(), policy,
                identityPrefix, autoRegister, timeout, query, tokenInQuery)).open();
    }
}
