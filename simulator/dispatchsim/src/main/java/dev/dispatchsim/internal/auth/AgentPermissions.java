package dev.dispatchsim.internal.auth;



/**
 * The worker's allowed_permissions (RegisterWorkerRequest field 7) that the server copies into every
 * agent token it mints for that worker. Mirrors the ParticipantPermission fields that matter here,
 * without depending on the generated proto classes.
 */
public record AgentPermissions(
        boolean canSubscribe,
        boolean canPublish,
        boolean canPublishData,
        boolean canUpdateMetadata,
        boolean canSubscribeMetrics,
        boolean hidden) {

    /**
     * What the real server assumes when a worker registers without allowed_permissions:
     * subscribe, publish, publish data and update metadata.
     */
    public static final AgentPermissions REGISTER_DEFAULTS =
            new AgentPermissions(true, true, true, true, false, false);
}
