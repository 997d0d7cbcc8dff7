package dev.dispatchsim.profile;

import java.util.List;

/**
 * A profile that cannot be used, with where and why: {@code file:line:column: problem; valid: …}.
 * The parts are also exposed one by one so the admin API can return them as JSON.
 */
public final class ProfileException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;
    private final String badValue;
    private final List<String> validValues;

    /**
     * @param file        file name, {@code <inline>}, or null when no file is involved
     * @param line        1-based, or 0 when not known
     * @param column      1-based, or 0 when not known
     * @param badValue    the offending value as written, or null
     * @param validValues what would have been accepted (may be empty)
     */
    public ProfileException(String file, int line, int column, String problem, String badValue,
                            List<String> validValues) {
        super(format(file, line, column, problem, validValues));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.badValue = badValue;
        this.validValues = List.copyOf(validValues);
    }

    private static String format(String file, int line, int column, String problem, List<String> valid) {
        StringBuilder s = new StringBuilder();
        if (file != null) {
            s.append(file);
            if (line > 0) {
                s.append(':').append(line).append(':').append(column);
            }
            s.append(": ");
        }
        s.append(problem);
        if (!valid.isEmpty()) {
            s.append("; valid: ").append(String.join(", ", valid));
        }
        return s.toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without location and valid values. */
    public String problem() {
        return problem;
    }

    public String badValue() {
        return badValue;
    }

    public List<String> validValues() {
        return validValues;
    }
}
