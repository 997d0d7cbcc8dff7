package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.Rule;
import dev.dispatchsim.internal.fault.RuleProfile;
import dev.dispatchsim.profile.ProfileException;
import dev.dispatchsim.profile.ProfileProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns YAML or JSON into a validated {@link RuleProfile}, or throws a {@link ProfileException}
 * naming file, line, column, the bad value and the valid ones. A profile is parsed and validated
 * completely before anything uses it, so a bad one can never be half applied.
 *
 * <p>Bundled profiles are the files of {@code fault-profiles/}, packaged as classpath resources
 * {@code dispatchsim/profiles/<name>.yaml}. A classpath directory cannot be listed portably (it
 * may be inside a jar), so their names come from the index {@code dispatchsim/profiles/index.txt};
 * a test keeps it in step with the directory.
 */
public final class ProfileLoader {
    public static final String INLINE = "<inline>";
    public static final String RULE = "<rule>";
    static final String RESOURCE_DIR = "dispatchsim/profiles/";
    static final String INDEX = RESOURCE_DIR + "index.txt";

    private ProfileLoader() {
    }

    /** Reads a profile written in YAML or JSON; {@code sourceName} is what errors call it. */
    public static RuleProfile fromYaml(String text, String sourceName) {
        String source = sourceName == null ? INLINE : sourceName;
        return ProfileReader.read(NodeReader.read(text, source));
    }

    /**
     * One rule written alone (YAML or JSON), checked like a rule of a profile declaring {@code states}.
     * Errors call it {@code <rule>}.
     */
    public static Rule ruleFromYaml(String text, List<String> states) {
        Problems problems = new Problems();
        java.util.Optional<Rule> rule = RuleReader.read(NodeReader.read(text, RULE), states, problems);
        problems.throwIfAny();
        return rule.orElseThrow();
    }

    /** Reads a profile given in code or in a request body; errors call it {@code <inline>}. */
    public static RuleProfile fromYaml(String text) {
        return fromYaml(text, INLINE);
    }

    public static RuleProfile fromPath(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfileException(path.toString(), 0, 0, "cannot read the profile file ("
                    + e.getClass().getSimpleName() + ")", path.toString(), List.of());
        }
        String source = path.getFileName().toString();
        Node root = NodeReader.read(text, source);
        if (!looksLikeProfile(root)) {
            // A path can name any file the server may read (--profile /etc/passwd): say what a profile is,
            // but never echo the file's content back into a log or an answer.
            throw new ProfileException(source, 0, 0, "is not a fault profile: a profile is a YAML or JSON mapping"
                    + " with at least 'name' (and usually 'rules'); the file's content is not shown", null,
                    ProfileReader.KEYS);
        }
        return ProfileReader.read(root);
    }

    /** A mapping that names at least one profile key; anything else is some other file. */
    private static boolean looksLikeProfile(Node root) {
        return root instanceof Node.Mapping mapping && ProfileReader.KEYS.stream().anyMatch(k -> mapping.get(k).isPresent());
    }

    /** A profile shipped with the simulator, by name, with or without {@code .yaml}. */
    public static RuleProfile bundled(String name) {
        String bare = name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
        List<String> names = bundledNames();
        String text = names.contains(bare) ? resource(RESOURCE_DIR + bare + ".yaml") : null;
        if (text == null) {
            throw notFound("unknown bundled profile '" + name + "'", name, names);
        }
        return fromYaml(text, bare + ".yaml");
    }

    public static List<String> bundledNames() {
        String index = resource(INDEX);
        if (index == null) {
            throw new IllegalStateException("classpath resource " + INDEX + " is missing: the simulator jar is incomplete");
        }
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /**
     * What the standalone server's {@code --profile} takes: an existing file wins, otherwise a
     * bundled name; if neither, the error lists the bundled names.
     */
    public static RuleProfile load(String pathOrName) {
        Path path = Path.of(pathOrName);
        if (Files.isRegularFile(path)) {
            return fromPath(path);
        }
        if (bundledNames().contains(pathOrName.replaceFirst("\\.yaml$", ""))) {
            return bundled(pathOrName);
        }
        throw notFound("no profile file '" + pathOrName + "' and no bundled profile of that name", pathOrName,
                bundledNames());
    }

    /** A name that is no bundled profile, with the bundled names and the nearest one. */
    private static ProfileException notFound(String problem, String name, List<String> names) {
        return new ProfileException(List.of(new ProfileProblem(null, 0, 0, problem, name, names,
                Suggestions.closest(name.replaceFirst("\\.yaml$", ""), names).orElse(null))));
    }

    private static String resource(String name) {
        try (InputStream in = ProfileLoader.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + name, e);
        }
    }
}
