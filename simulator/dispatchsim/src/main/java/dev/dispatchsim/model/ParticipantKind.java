package dev.dispatchsim.model;



/** ParticipantInfo.Kind names (the numbers are not contiguous: CONNECTOR = 7, BRIDGE = 8). */
public enum ParticipantKind {
    STANDARD, INGRESS, EGRESS, SIP, AGENT, CONNECTOR, BRIDGE;

    /** Agents and egress are "dependent" participants: they never trigger jobs nor keep a room alive. */
    public boolean isDependent() {
        return this == AGENT || this == EGRESS;
    }
}
