package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.profile.ProfileException;
import dev.dispatchsim.profile.ProfileProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every problem found while reading one profile. Readers read each independent part (a key, a selector,
 * a rule) through {@link #attempt}, so one bad value does not hide the next: the user fixes the whole
 * file in one round instead of one error per run.
 */
final class Problems {
    private final List<ProfileProblem> found = new ArrayList<>();

    /** A problem at a place in the text; a "did you mean" is added when the bad value is close to a valid one. */
    static ProfileException at(Node.Location where, String problem, String badValue, List<String> validValues) {
        return new ProfileException(List.of(new ProfileProblem(where.source(), where.line(), where.column(), problem,
                badValue, validValues, Suggestions.closest(badValue, validValues).orElse(null))));
    }

    /** The same, for a bad key whose valid alternatives are not spellings of it (no "did you mean"). */
    static ProfileException withoutSuggestion(Node.Location where, String problem, String badValue, List<String> valid) {
        return new ProfileException(List.of(new ProfileProblem(where.source(), where.line(), where.column(), problem,
                badValue, valid, null)));
    }

    /** The part's value, or empty when reading it found problems (which are kept). */
    <T> Optional<T> attempt(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (ProfileException bad) {
            found.addAll(bad.problems());
            return Optional.empty();
        }
    }

    /** Runs a check that returns nothing; its problems are kept. */
    void check(Runnable check) {
        attempt(() -> {
            check.run();
            return Boolean.TRUE;
        });
    }

    void add(ProfileException bad) {
        found.addAll(bad.problems());
    }

    int count() {
        return found.size();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ProfileException(found);
        }
    }
}
