package dev.dispatchsim.profile;

import java.util.List;

/**
 * One thing wrong with a profile, where and why: {@code file:line:column: problem (did you mean 'x'?); valid: …}.
 * A profile is checked completely before it is refused, so a {@link ProfileException} carries every problem
 * at once, in the order they appear in the text.
 *
 * @param file        file name, {@code <inline>}, or null when no file is involved
 * @param line        1-based, or 0 when not known
 * @param column      1-based, or 0 when not known
 * @param badValue    the offending value as written, or null
 * @param validValues what would have been accepted (may be empty)
 * @param suggestion  the valid value closest to the bad one (a likely typo), or null
 */
public record ProfileProblem(String file, int line, int column, String problem, String badValue,
                             List<String> validValues, String suggestion) {

    public ProfileProblem {
        validValues = List.copyOf(validValues);
    }

    /** The problem as one line, as the CLI, the admin API and exception messages show it. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (file != null) {
            s.append(file);
            if (line > 0) {
                s.append(':').append(line).append(':').append(column);
            }
            s.append(": ");
        }
        s.append(problem);
        if (suggestion != null) {
            s.append(" (did you mean '").append(suggestion).append("'?)");
        }
        if (!validValues.isEmpty()) {
            s.append("; valid: ").append(String.join(", ", validValues));
        }
        return s.toString();
    }
}
