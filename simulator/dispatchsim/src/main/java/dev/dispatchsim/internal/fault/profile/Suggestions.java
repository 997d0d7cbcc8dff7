package dev.dispatchsim.internal.fault.profile;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The "did you mean" of profile errors: the valid value nearest to a bad one by edit distance, offered
 * only when it is close enough to be a typo ({@code availabilty_request}, {@code AgentDispatchService}
 * without its {@code livekit.}), never for a value that is simply something else.
 */
final class Suggestions {

    private Suggestions() {
    }

    static Optional<String> closest(String bad, Collection<String> valid) {
        if (bad == null || bad.isEmpty() || valid.isEmpty()) {
            return Optional.empty();
        }
        return valid.stream().filter(v -> !v.equals(bad) && isWord(v))
                .min(Comparator.comparingInt((String v) -> distance(bad.toLowerCase(), v.toLowerCase())))
                .filter(v -> distance(bad.toLowerCase(), v.toLowerCase()) <= tolerance(bad, v));
    }

    /** A third of the longer word, at least one edit and at most eight (a missing {@code livekit.} prefix is eight). */
    private static int tolerance(String bad, String valid) {
        return Math.max(1, Math.min(8, Math.max(bad.length(), valid.length()) / 3));
    }

    /** Hints like "a whole number >= 1" or "0..1" are descriptions, not values to suggest. */
    private static boolean isWord(String v) {
        return !v.contains(" ") && !v.contains("..");
    }

    /**
     * Edit distance counting a swap of two neighbours as one edit (optimal string alignment), since
     * {@code mtach} and {@code dorp} are the typos people make.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
