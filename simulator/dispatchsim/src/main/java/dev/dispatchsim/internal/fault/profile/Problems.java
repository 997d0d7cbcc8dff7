package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.profile.ProfileException;

import java.util.List;

/** A {@link ProfileException} at a place in the profile's text. */
final class Problems {

    private Problems() {
    }

    static ProfileException at(Node.Location where, String problem, String badValue, List<String> validValues) {
        return new ProfileException(where.source(), where.line(), where.column(), problem, badValue, validValues);
    }
}
