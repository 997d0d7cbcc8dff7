package dev.dispatchsim.internal.engine;



/** What RegisterWorkerResponse says about the server (edition Standard, signal protocol 17, agent protocol 1). */
public record ServerInfo(String version, int protocol, int agentProtocol, String region, String nodeId) {
}
