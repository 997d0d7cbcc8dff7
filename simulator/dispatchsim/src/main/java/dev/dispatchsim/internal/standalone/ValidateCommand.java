package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.internal.fault.RuleProfile;
import dev.dispatchsim.internal.fault.profile.ProfileLoader;
import dev.dispatchsim.profile.ProfileException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code dispatchsim validate FILE…}: checks fault profiles without starting anything, with the messages a
 * start would give (every problem, file:line:column, valid values, "did you mean"). Exit 0 when every file
 * is valid, 2 when any is not (the same code a bad profile gives the server).
 */
final class ValidateCommand {

    static final String NAME = "validate";

    private ValidateCommand() {
    }

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(NAME).mixinStandardHelpOptions(true);
        spec.usageMessage().description("Check fault profiles (YAML or JSON files, or bundled names) without starting "
                + "the server. Exit 0 when all are valid, 2 when any is not.");
        spec.addPositional(PositionalParamSpec.builder().paramLabel("FILE").arity("1..*").type(String[].class)
                .description("profile files, or names of bundled profiles").build());
        return spec;
    }

    static int run(ParseResult parsed, PrintStream out, PrintStream err) {
        List<String> files = List.of(parsed.matchedPositionals().get(0).<String[]>getValue());
        int invalid = 0;
        for (String file : files) {
            try {
                RuleProfile profile = load(file);
                out.println(file + ": valid (profile '" + profile.name() + "', " + profile.rules().size() + " rule"
                        + (profile.rules().size() == 1 ? "" : "s") + ")");
            } catch (ProfileException rejected) {
                invalid++;
                err.println(rejected.getMessage());
            }
        }
        if (files.size() > 1) {
            (invalid == 0 ? out : err).println(invalid == 0 ? "all " + files.size() + " profiles are valid"
                    : invalid + " of " + files.size() + " profiles are invalid");
        }
        return invalid == 0 ? 0 : 2;
    }

    /** A file if there is one; a bundled name otherwise (as --profile takes them). */
    private static RuleProfile load(String file) {
        Path path = Path.of(file);
        return Files.exists(path) ? ProfileLoader.fromPath(path) : ProfileLoader.load(file);
    }
}
