package dev.dispatchsim.admin;

import java.util.List;

/**
 * A profile that was not put in force (bad YAML, unknown field, missing file: HTTP 400), with where
 * and why.
 */
public final class ProfileRejected extends Exception {

    private final String file;
    private final int line;
    private final int column;
    private final String problem;
    private final String badValue;
    private final List<String> validValues;

    /**
     * @param file   file name, {@code <inline>}, or null when no file is involved
     * @param line   1-based, or 0 when not known
     * @param column 1-based, or 0 when not known
     */
    public ProfileRejected(String file, int line, int column, String problem, String badValue,
                           List<String> validValues) {
        super(format(file, line, column, problem, validValues));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.badValue = badValue;
        this.validValues = validValues == null ? List.of() : List.copyOf(validValues);
    }

    public static ProfileRejected invalid(String file, int line, int column, String problem) {
        return new ProfileRejected(file, line, column, problem, null, List.of());
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

    public String problem() {
        return problem;
    }

    public String badValue() {
        return badValue;
    }

    public List<String> validValues() {
        return validValues;
    }

    private static String format(String file, int line, int column, String problem, List<String> valid) {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line).append(':').append(column);
            }
            text.append(": ");
        }
        text.append(problem);
        if (valid != null && !valid.isEmpty()) {
            text.append("; valid: ").append(String.join(", ", valid));
        }
        return text.toString();
    }
}
