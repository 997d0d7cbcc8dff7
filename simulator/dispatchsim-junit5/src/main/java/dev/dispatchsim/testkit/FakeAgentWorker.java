package dev.dispatchsim.testkit;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.dispatchsim.proto.AvailabilityRequest;
import dev.dispatchsim.proto.AvailabilityResponse;
import dev.dispatchsim.proto.JobAssignment;
import dev.dispatchsim.proto.JobStatus;
import dev.dispatchsim.proto.JobTermination;
import dev.dispatchsim.proto.RegisterWorkerResponse;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.proto.UpdateJobStatus;
import dev.dispatchsim.proto.UpdateWorkerStatus;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.proto.WorkerPing;
import dev.dispatchsim.proto.WorkerPong;
import dev.dispatchsim.proto.WorkerStatus;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agent worker in Java, speaking the /agent protocol over a real socket: it registers, answers
 * AvailabilityRequests by its {@link AvailabilityPolicy}, and records every message it gets. Reads
 * block with a timeout and say what was seen instead ({@link #nextAssignment(Duration)}); nothing sleeps.
 */
public final class FakeAgentWorker implements AutoCloseable {

    /** How the socket ended: close code and reason; {@code remote} is true when the server closed it. */
    public record Closed(int code, String reason, boolean remote) {
    }

    private final FakeWorkerSettings settings;
    private final WorkerClient client;
    private final BlockingQueue<AvailabilityRequest> availabilityRequests = new LinkedBlockingQueue<>();
    private final BlockingQueue<JobAssignment> assignments = new LinkedBlockingQueue<>();
    private final BlockingQueue<JobTermination> terminations = new LinkedBlockingQueue<>();
    private final BlockingQueue<WorkerPong> pongs = new LinkedBlockingQueue<>();
    /** Text (protojson) frames, kept raw: the real workers ignore them, tests read them. */
    private final BlockingQueue<String> textFrames = new LinkedBlockingQueue<>();
    /** One entry per WebSocket ping control frame from the server. */
    private final BlockingQueue<Boolean> webSocketPings = new LinkedBlockingQueue<>();
    private final AtomicInteger webSocketPingCount = new AtomicInteger();
    private final List<ServerMessage> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<RegisterWorkerResponse> registered = new CompletableFuture<>();
    private volatile AvailabilityPolicy policy;

    FakeAgentWorker(FakeWorkerSettings settings) {
        this.settings = settings;
        this.policy = settings.policy();
        this.client = new WorkerClient(settings, new WorkerClient.Listener() {
            @Override
            public void onBinary(byte[] frame) {
                onFrame(frame);
            }

            @Override
            public void onText(String frame) {
                textFrames.add(frame);
            }

            @Override
            public void onPing() {
                webSocketPingCount.incrementAndGet();
                webSocketPings.add(Boolean.TRUE);
            }
        });
    }

    public static FakeWorkerBuilder builder(String wsUrl, String apiKey, String apiSecret) {
        return new FakeWorkerBuilder(wsUrl, apiKey, apiSecret);
    }

    /** Opens the socket and sends register (unless told not to); does not wait for the answer. */
    FakeAgentWorker open() {
        client.open(settings.timeout());
        if (settings.autoRegister()) {
            register();
        }
        return this;
    }

    public void register() {
        send(WorkerMessage.newBuilder().setRegister(settings.registration()).build());
    }

    /** Waits for RegisterWorkerResponse and returns the worker id. */
    public String awaitRegistered(Duration timeout) {
        try {
            return registered.get(timeout.toMillis(), TimeUnit.MILLISECONDS).getWorkerId();
        } catch (Exception notYet) {
            throw new AssertionError("worker '" + settings.registration().getAgentName()
                    + "' got no RegisterWorkerResponse within " + timeout.toMillis() + " ms; " + describeState(), notYet);
        }
    }

    public String workerId() {
        return registered.isDone() ? registered.join().getWorkerId() : "";
    }

    public void setPolicy(AvailabilityPolicy value) {
        this.policy = value;
    }

    public AvailabilityRequest nextAvailabilityRequest(Duration timeout) {
        return take(availabilityRequests, timeout, "AvailabilityRequest");
    }

    public JobAssignment nextAssignment(Duration timeout) {
        return take(assignments, timeout, "JobAssignment");
    }

    public JobTermination nextTermination(Duration timeout) {
        return take(terminations, timeout, "JobTermination");
    }

    public WorkerPong nextPong(Duration timeout) {
        return take(pongs, timeout, "a WorkerPong");
    }

    /** The next text (protojson) frame from the server, as sent. */
    public String nextTextFrame(Duration timeout) {
        return take(textFrames, timeout, "a text frame");
    }

    /** Waits for the next WebSocket ping control frame (the server's keepalive), which was answered with a pong. */
    public void nextWebSocketPing(Duration timeout) {
        take(webSocketPings, timeout, "a WebSocket ping");
    }

    /** How many WebSocket pings arrived so far (frames are read in order, so this is exact after any later frame). */
    public int webSocketPingCount() {
        return webSocketPingCount.get();
    }

    /** Sends WorkerPing with {@code timestamp}. */
    public void ping(long timestamp) {
        send(WorkerMessage.newBuilder().setPing(WorkerPing.newBuilder().setTimestamp(timestamp)).build());
    }

    /** Every binary message received so far, in order. */
    public List<ServerMessage> received() {
        return List.copyOf(received);
    }

    public int assignmentCount() {
        return (int) received.stream().filter(ServerMessage::hasAssignment).count();
    }

    public void updateStatus(WorkerStatus status, float load) {
        send(WorkerMessage.newBuilder().setUpdateWorker(UpdateWorkerStatus.newBuilder().setStatus(status).setLoad(load)).build());
    }

    public void updateJobStatus(String jobId, JobStatus status, String error) {
        send(WorkerMessage.newBuilder().setUpdateJob(UpdateJobStatus.newBuilder()
                .setJobId(jobId).setStatus(status).setError(error)).build());
    }

    public void send(WorkerMessage message) {
        client.sendBinary(message.toByteArray());
    }

    public void sendRaw(byte[] frame) {
        client.sendBinary(frame);
    }

    public void sendText(String frame) {
        client.sendText(frame);
    }

    /** Waits until the server closed the socket; returns the close code and reason. */
    public Closed awaitClosed(Duration timeout) {
        return client.awaitClosed(timeout);
    }

    public boolean isOpen() {
        return client.isOpen();
    }

    /** Drops the TCP connection without a close frame, as a crashed worker would. */
    public void disconnectAbruptly() {
        client.dropConnection();
    }

    /**
     * Closes the socket with 1000 "worker closing". The simulator journals that code, except when frames
     * from the server (a burst of pings after a clock jump, say) are still arriving: Java-WebSocket then
     * stops reading once its close frame is out and may drop TCP before the server's reply, and Jetty
     * journals 1006. For a disconnect a test compares across runs, have the server end the socket
     * ({@code sim.admin().killWorker(id, code)}).
     */
    @Override
    public void close() {
        client.closeGracefully();
    }

    private void onFrame(byte[] frame) {
        ServerMessage message;
        try {
            message = ServerMessage.parseFrom(frame);
        } catch (InvalidProtocolBufferException undecodable) {
            return;
        }
        received.add(message);
        switch (message.getMessageCase()) {
            case REGISTER -> registered.complete(message.getRegister());
            case AVAILABILITY -> {
                availabilityRequests.add(message.getAvailability());
                answer(message.getAvailability());
            }
            case ASSIGNMENT -> assignments.add(message.getAssignment());
            case TERMINATION -> terminations.add(message.getTermination());
            case PONG -> pongs.add(message.getPong());
            default -> {
            }
        }
    }

    private void answer(AvailabilityRequest request) {
        AvailabilityPolicy current = policy;
        if (current.answer() == AvailabilityPolicy.Answer.IGNORE) {
            return;
        }
        String jobId = request.getJob().getId();
        AvailabilityResponse.Builder response = AvailabilityResponse.newBuilder().setJobId(jobId);
        switch (current.answer()) {
            case ACCEPT -> response.setAvailable(true)
                    .setParticipantIdentity(settings.identityPrefix() + jobId)
                    .setParticipantName(settings.registration().getAgentName())
                    .putParticipantAttributes("lk.agent.name", settings.registration().getAgentName());
            case TERMINATE -> response.setTerminate(true);
            default -> response.setAvailable(false);
        }
        WorkerMessage reply = WorkerMessage.newBuilder().setAvailability(response).build();
        if (current.delay().isZero()) {
            send(reply);
        } else {
            CompletableFuture.delayedExecutor(current.delay().toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> {
                        if (client.isOpen()) {
                            send(reply);
                        }
                    });
        }
    }

    private <T> T take(BlockingQueue<T> queue, Duration timeout, String what) {
        try {
            T item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("worker '" + settings.registration().getAgentName() + "' got no " + what
                        + " within " + timeout.toMillis() + " ms; " + describeState());
            }
            return item;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a " + what, interrupted);
        }
    }

    private String describeState() {
        return "socket " + (client.isOpen() ? "open" : "closed " + client.closedState()) + ", received so far: "
                + received.stream().map(FakeAgentWorker::describe).toList();
    }

    /** A received message in a few words: its kind, and the job it is about. */
    private static String describe(ServerMessage message) {
        String job = switch (message.getMessageCase()) {
            case AVAILABILITY -> message.getAvailability().getJob().getId() + " in '" + message.getAvailability().getJob().getRoom().getName() + "'";
            case ASSIGNMENT -> message.getAssignment().getJob().getId() + " in '" + message.getAssignment().getJob().getRoom().getName() + "'";
            case TERMINATION -> message.getTermination().getJobId();
            default -> "";
        };
        return job.isEmpty() ? message.getMessageCase().name() : message.getMessageCase().name() + "(" + job + ")";
    }

    @Override
    public String toString() {
        return "FakeAgentWorker[" + settings.registration().getAgentName() + ", " + workerId() + "]";
    }
}
