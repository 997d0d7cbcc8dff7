package dev.dispatchsim.model;



/** What a worker says about itself in RegisterWorkerRequest. {@code permissions} null = absent on the wire. */
public record WorkerRegistration(
        JobType jobType,
        String agentName,
        String version,
        String namespace,
        String deployment,
        Permissions permissions,
        int pingInterval) {

    public WorkerRegistration {
        agentName = agentName == null ? "" : agentName;
        version = version == null ? "" : version;
        namespace = namespace == null ? "" : namespace;
        deployment = deployment == null ? "" : deployment;
    }
}
