package dev.dispatchsim.admin;

import java.util.List;
import java.util.Optional;

/**
 * The profile control of a build without a fault engine: no profile is ever in force, and every
 * attempt to load one is refused with {@link ProfileRejected.Kind#UNAVAILABLE} (HTTP 501), so that a
 * test asking for faults fails loudly instead of silently running without them.
 */
public final class UnavailableProfiles implements ProfileControl {

    public static final String MESSAGE = "fault profiles are not available in this build";

    @Override
    public Optional<ProfileInfo> current() {
        return Optional.empty();
    }

    @Override
    public ProfileInfo load(String text, String sourceName) throws ProfileRejected {
        throw unavailable(sourceName);
    }

    @Override
    public ProfileInfo loadPathOrName(String pathOrName) throws ProfileRejected {
        throw unavailable(pathOrName);
    }

    @Override
    public void clear() {
        // nothing is ever in force, so there is nothing to clear: DELETE stays idempotent
    }

    @Override
    public void resetCounters() {
        // no rules, no counters
    }

    private static ProfileRejected unavailable(String source) {
        return new ProfileRejected(ProfileRejected.Kind.UNAVAILABLE, source, 0, 0, MESSAGE, null, List.of());
    }

    @Override
    public String toString() {
        return "UnavailableProfiles";
    }
}
