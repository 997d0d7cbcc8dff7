package dev.dispatchsim.internal.worker;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.dispatchsim.internal.engine.ServerInfo;
import dev.dispatchsim.internal.engine.WorkerLink;
import dev.dispatchsim.internal.service.ProtoModels;
import dev.dispatchsim.model.Job;
import dev.dispatchsim.proto.AvailabilityRequest;
import dev.dispatchsim.proto.JobAssignment;
import dev.dispatchsim.proto.JobTermination;
import dev.dispatchsim.proto.RegisterWorkerResponse;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.proto.WorkerPong;

/**
 * One worker socket as the engine sees it: model → ServerMessage frames. Frames are binary protobuf,
 * except after the worker sent a text (protojson) frame: then answers are text too, until the next
 * binary frame switches back, as the real server does.
 */
public final class WorkerSocket implements WorkerLink {

    private static final JsonFormat.Printer TEXT = JsonFormat.printer().omittingInsignificantWhitespace();

    private final SocketPort port;
    private volatile boolean textMode;

    public WorkerSocket(SocketPort port) {
        this.port = port;
    }

    @Override
    public void answerInText(boolean text) {
        this.textMode = text;
    }

    @Override
    public void sendRegistered(String workerId, ServerInfo info) {
        send(ServerMessage.newBuilder().setRegister(RegisterWorkerResponse.newBuilder()
                .setWorkerId(workerId)
                .setServerInfo(dev.dispatchsim.proto.ServerInfo.newBuilder()
                        .setEdition(dev.dispatchsim.proto.ServerInfo.Edition.Standard)
                        .setVersion(info.version())
                        .setProtocol(info.protocol())
                        .setAgentProtocol(info.agentProtocol())
                        .setRegion(info.region())
                        .setNodeId(info.nodeId())))
                .build());
    }

    @Override
    public void sendAvailability(Job job, boolean resuming) {
        send(ServerMessage.newBuilder().setAvailability(AvailabilityRequest.newBuilder()
                .setJob(ProtoModels.job(job)).setResuming(resuming)).build());
    }

    @Override
    public void sendAssignment(Job job, String url, String token) {
        JobAssignment.Builder assignment = JobAssignment.newBuilder().setJob(ProtoModels.job(job)).setToken(token);
        if (url != null) {
            assignment.setUrl(url);
        }
        send(ServerMessage.newBuilder().setAssignment(assignment).build());
    }

    @Override
    public void sendTermination(String jobId) {
        send(ServerMessage.newBuilder().setTermination(JobTermination.newBuilder().setJobId(jobId)).build());
    }

    @Override
    public void sendPong(long lastTimestamp, long timestamp) {
        send(ServerMessage.newBuilder().setPong(WorkerPong.newBuilder()
                .setLastTimestamp(lastTimestamp).setTimestamp(timestamp)).build());
    }

    @Override
    public void sendPing() {
        port.sendPing();
    }

    @Override
    public void close(int code, String reason) {
        port.close(code, reason);
    }

    @Override
    public String describe() {
        return port.describe();
    }

    private void send(ServerMessage message) {
        if (!textMode) {
            port.sendBinary(message.toByteArray());
            return;
        }
        try {
            port.sendText(TEXT.print(message));
        } catch (InvalidProtocolBufferException impossible) {
            throw new IllegalStateException("cannot print a ServerMessage", impossible);
        }
    }
}
