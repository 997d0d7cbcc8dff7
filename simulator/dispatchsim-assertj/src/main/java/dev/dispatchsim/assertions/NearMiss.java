package dev.dispatchsim.assertions;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/** The "did you mean" of failure messages: the closest candidate by edit distance, and quoted lists. */
final class NearMiss {

    private NearMiss() {
    }

    /** The candidate nearest to {@code wanted} (ties: the first); empty when there are none. */
    static Optional<String> closest(String wanted, Collection<String> candidates) {
        return candidates.stream().distinct()
                .min(Comparator.comparingInt((String c) -> distance(wanted, c)));
    }

    /** "; closest: 'x'" or nothing. */
    static String closestClause(String wanted, Collection<String> candidates) {
        return closest(wanted, candidates).map(c -> "; closest: '" + c + "'").orElse("");
    }

    static String quoted(Collection<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
