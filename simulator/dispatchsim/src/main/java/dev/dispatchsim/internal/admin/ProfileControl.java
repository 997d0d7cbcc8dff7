package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.ProfileInfo;
import dev.dispatchsim.profile.ProfileException;

import java.util.Optional;

/**
 * The fault-profile operations the admin API and the standalone server need, and nothing more, so
 * that the admin layer does not depend on how the fault engine is built. {@link EngineProfiles}
 * serves them from the simulator's own fault engine.
 */
public interface ProfileControl {

    /** The profile in force, or empty when none is (the simulator then behaves like the real server). */
    Optional<ProfileInfo> current();

    /**
     * Parses and validates {@code text} (YAML or JSON) completely, then puts it in force in one step;
     * on rejection the previous profile stays in force. {@code sourceName} is what errors call it.
     */
    ProfileInfo load(String text, String sourceName) throws ProfileException;

    /** The standalone server's {@code --profile}: a file path, or the name of a bundled profile. */
    ProfileInfo loadPathOrName(String pathOrName) throws ProfileException;

    /** A profile bundled with the simulator, by name (with or without {@code .yaml}). */
    ProfileInfo loadBundled(String name) throws ProfileException;

    /** No profile in force any more. Idempotent. */
    void clear();

    /** Schedules and counters back to their start (part of the admin reset); the profile stays in force. */
    void resetCounters();
}
