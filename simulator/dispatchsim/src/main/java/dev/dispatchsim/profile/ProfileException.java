package dev.dispatchsim.profile;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A profile that cannot be used, with every problem found in it ({@link #problems()}), each with where and
 * why. With one problem the message is that problem's line ({@code file:line:column: problem; valid: …});
 * with several it is a count followed by one line per problem, in text order. The accessors
 * ({@link #line()}, {@link #problem()}, …) describe the first problem, so code that expects one keeps working.
 */
public final class ProfileException extends RuntimeException {
    private final List<ProfileProblem> problems;

    /** One problem; see {@link ProfileProblem} for the parameters. */
    public ProfileException(String file, int line, int column, String problem, String badValue,
                            List<String> validValues) {
        this(List.of(new ProfileProblem(file, line, column, problem, badValue, validValues, null)));
    }

    /** Several problems at once (at least one), shown in text order. */
    public ProfileException(List<ProfileProblem> problems) {
        super(format(sorted(problems)));
        this.problems = sorted(problems);
    }

    private static List<ProfileProblem> sorted(List<ProfileProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ProfileException needs at least one problem");
        }
        // stable: problems at one place keep the order they were found in
        return problems.stream().sorted(Comparator.comparingInt(ProfileProblem::line)
                .thenComparingInt(ProfileProblem::column)).toList();
    }

    private static String format(List<ProfileProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).describe();
        }
        String file = problems.get(0).file();
        return problems.size() + " problems" + (file == null ? "" : " in " + file) + ":\n"
                + problems.stream().map(ProfileProblem::describe).collect(Collectors.joining("\n"));
    }

    /** Every problem, in the order they appear in the text. */
    public List<ProfileProblem> problems() {
        return problems;
    }

    private ProfileProblem first() {
        return problems.get(0);
    }

    public String file() {
        return first().file();
    }

    public int line() {
        return first().line();
    }

    public int column() {
        return first().column();
    }

    /** The first problem without location and valid values. */
    public String problem() {
        return first().problem();
    }

    public String badValue() {
        return first().badValue();
    }

    public List<String> validValues() {
        return first().validValues();
    }
}
