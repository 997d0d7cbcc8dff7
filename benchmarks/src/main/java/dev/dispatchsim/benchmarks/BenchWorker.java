package dev.dispatchsim.benchmarks;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.dispatchsim.proto.AvailabilityResponse;
import dev.dispatchsim.proto.JobStatus;
import dev.dispatchsim.proto.JobType;
import dev.dispatchsim.proto.RegisterWorkerRequest;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.proto.UpdateJobStatus;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.testkit.TestTokens;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A lean agent worker for load: registers, accepts every AvailabilityRequest at once and reports each
 * JobAssignment to a listener with the time it arrived. Unlike the test kit's FakeAgentWorker it keeps
 * nothing it receives, so a run of 100,000 dispatches measures the simulator, not the worker's memory.
 */
final class BenchWorker extends WebSocketClient {

    /** Told about each assignment: the job's room, its id and {@link System#nanoTime()} when it arrived. */
    interface Assignments {
        void assigned(String room, String jobId, long arrivedNanos);
    }

    private final String agentName;
    private final Assignments listener;
    private final CompletableFuture<String> registered = new CompletableFuture<>();
    private String lastEnded;

    BenchWorker(String wsUrl, String key, String secret, String agentName, Assignments listener) {
        super(URI.create(wsUrl.replaceFirst("^http", "ws") + "/agent"),
                Map.of("Authorization", "Bearer " + TestTokens.agent(key, secret, Instant.now())));
        this.agentName = agentName;
        this.listener = listener;
    }

    /** Connects and registers; returns once the simulator has said the worker id. */
    BenchWorker start() throws Exception {
        if (!connectBlocking(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("worker could not connect to " + getURI());
        }
        send(WorkerMessage.newBuilder().setRegister(RegisterWorkerRequest.newBuilder()
                .setType(JobType.JT_ROOM).setAgentName(agentName).setVersion("bench")).build().toByteArray());
        registered.get(10, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        long arrived = System.nanoTime();
        ServerMessage message;
        try {
            message = ServerMessage.parseFrom(bytes);
        } catch (InvalidProtocolBufferException undecodable) {
            return;
        }
        switch (message.getMessageCase()) {
            case REGISTER -> registered.complete(message.getRegister().getWorkerId());
            case AVAILABILITY -> send(WorkerMessage.newBuilder().setAvailability(AvailabilityResponse.newBuilder()
                    .setJobId(message.getAvailability().getJob().getId()).setAvailable(true)
                    .setParticipantIdentity("agent-" + message.getAvailability().getJob().getId())).build().toByteArray());
            case ASSIGNMENT -> listener.assigned(message.getAssignment().getJob().getRoom().getName(),
                    message.getAssignment().getJob().getId(), arrived);
            default -> {
            }
        }
    }

    /** Reports the job finished, as an agent does once its room is gone (its session ends with the room). */
    synchronized void endJob(String jobId) {
        lastEnded = jobId; // under the same lock as the send: the last one recorded is the last one sent
        send(WorkerMessage.newBuilder().setUpdateJob(UpdateJobStatus.newBuilder().setJobId(jobId)
                .setStatus(JobStatus.JS_SUCCESS)).build().toByteArray());
    }

    /** The job id {@link #endJob} sent last, or null. */
    synchronized String lastEnded() {
        return lastEnded;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        registered.completeExceptionally(new IllegalStateException("closed: " + code + " " + reason));
    }

    @Override
    public void onError(Exception failure) {
    }
}
