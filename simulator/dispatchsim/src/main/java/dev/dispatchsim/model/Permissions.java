package dev.dispatchsim.model;



/** A participant's (or an agent worker's allowed) permissions. */
public record Permissions(
        boolean canSubscribe,
        boolean canPublish,
        boolean canPublishData,
        boolean canUpdateMetadata,
        boolean hidden,
        boolean canSubscribeMetrics,
        boolean agent) {

    /** What the real server uses when a worker registers without allowed_permissions. */
    public static Permissions workerDefault() {
        return new Permissions(true, true, true, true, false, false, false);
    }

    /** A human participant's defaults (canPublish and canSubscribe default to true in tokens). */
    public static Permissions standard() {
        return new Permissions(true, true, true, false, false, false, false);
    }
}
