package dev.dispatchsim.clienttests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No link in the project's documentation leaves the project: README.md, docs/*.md,
 * fault-profiles/README.md, client-tests/README.md and the comments of fault-profiles/*.yaml link
 * only to files that exist inside the repository, and a {@code #anchor} into a Markdown file names
 * one of its headings (GitHub's slugs). Runs from the client-tests module directory; the
 * repository root is its parent.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void should_link_only_to_existing_files_inside_the_repository_when_reading_the_docs() throws IOException {
        // GIVEN the documentation users read, from the repository root
        List<Path> files = documentationFiles(ROOT);
        assertThat(files).as("documentation files under %s", ROOT)
                .contains(ROOT.resolve("README.md"), ROOT.resolve("docs/fidelity.md"),
                        ROOT.resolve("docs/failure-catalogue.md"), ROOT.resolve("fault-profiles/README.md"),
                        ROOT.resolve("client-tests/README.md"));

        // WHEN every link in them is checked
        LinkChecker checker = new LinkChecker(ROOT);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            problems.addAll(checker.check(file, Files.readString(file)));
        }

        // THEN none leaves the project or points at something missing
        assertThat(problems)
                .withFailMessage("%d bad link(s) in the docs (no link may leave the repository):%n  %s",
                        problems.size(), String.join(System.lineSeparator() + "  ", problems))
                .isEmpty();
        assertThat(checker.linksChecked()).as("links checked (a sanity check that the scan saw the docs)")
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void should_report_each_bad_link_with_file_and_line_when_a_fixture_has_them(@TempDir Path repo) throws IOException {
        // GIVEN a small repository whose docs have one good link and several bad ones
        Files.createDirectories(repo.resolve("docs"));
        Files.createDirectories(repo.resolve("fault-profiles"));
        Files.writeString(repo.resolve("docs/target.md"), "# Target\n\n## Measured facts\n\ntext\n");
        String markdown = """
                # Fixture
                Good: [facts](docs/target.md#measured-facts) and [top](#fixture).
                External: [LiveKit docs](https://docs.livekit.io/agents/).
                Neighbour: [protocol](../shared/reference/livekit-protocol.md).
                Missing: [gone](docs/missing.md).
                Anchor: [nowhere](docs/target.md#no-such-heading).
                ```
                [inside a code block](https://example.com) is not a link
                ```
                Mail: <mailto:someone@example.com>, code `https://example.com` is not a link.
                """;
        String yaml = """
                # Reproduces: failure-modes.md A1 (https://github.com/livekit/agents/issues/2043).
                #   Catalogue: ../docs/target.md#measured-facts
                name: p   # see ../docs/target.md#target
                rules: []
                """;
        Path readme = Files.writeString(repo.resolve("README.md"), markdown);
        Path profile = Files.writeString(repo.resolve("fault-profiles/p.yaml"), yaml);

        // WHEN the checker reads them
        LinkChecker checker = new LinkChecker(repo);
        List<String> problems = new ArrayList<>(checker.check(readme, Files.readString(readme)));
        problems.addAll(checker.check(profile, Files.readString(profile)));

        // THEN every bad link is reported once, with file and line, and the good ones are not
        assertThat(problems).hasSize(7);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("README.md:3: ").contains("https://docs.livekit.io"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("README.md:4: ").contains("../shared"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("README.md:5: ").contains("docs/missing.md"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("README.md:6: ").contains("#no-such-heading"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("README.md:10: ").contains("mailto:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("fault-profiles/p.yaml:1: ").contains("failure-modes.md"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("fault-profiles/p.yaml:1: ").contains("https://github.com"));
        assertThat(checker.linksChecked()).isEqualTo(11);
    }

    @Test
    void should_make_github_anchors_when_slugging_headings() {
        assertThat(LinkChecker.slug("A8: load and `WS_FULL` misjudged")).isEqualTo("a8-load-and-ws_full-misjudged");
        assertThat(LinkChecker.slug("Fidelity: how dispatchsim differs from livekit-server"))
                .isEqualTo("fidelity-how-dispatchsim-differs-from-livekit-server");
        assertThat(LinkChecker.slug("A7: stale (ghost) workers")).isEqualTo("a7-stale-ghost-workers");
        assertThat(LinkChecker.slug("Admin API (`/_sim/`)")).isEqualTo("admin-api-_sim");
        assertThat(LinkChecker.slug("9. Try it: the new-user project")).isEqualTo("9-try-it-the-new-user-project");
    }

    /** README.md, docs/*.md, fault-profiles/README.md and *.yaml, client-tests/README.md. */
    static List<Path> documentationFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        files.addAll(list(root.resolve("docs"), ".md"));
        files.add(root.resolve("fault-profiles/README.md"));
        files.addAll(list(root.resolve("fault-profiles"), ".yaml"));
        files.add(root.resolve("client-tests/README.md"));
        return files.stream().filter(Files::isRegularFile).toList();
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /**
     * Finds links and judges them. Markdown: inline links and images {@code [text](target)},
     * reference definitions {@code [id]: target}, autolinks {@code <scheme:...>} and bare URLs in
     * prose (GitHub links those too; loopback addresses such as {@code http://127.0.0.1:7880} are
     * the reader's own simulator and allowed in prose), all outside code blocks and code spans.
     * YAML: in comments, URLs and bare relative paths ending in a file extension. Anywhere, in code
     * or not: any mention of {@code ../shared} or {@code shared/reference}.
     *
     * <p>A target is bad when it is absolute (any scheme, or {@code //host}), when it resolves
     * outside the repository root or to nothing that exists (a directory counts, as GitHub shows
     * it), or when its {@code #anchor} into a Markdown file matches no heading slug.
     */
    static final class LinkChecker {

        private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
        private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
        private static final Pattern INLINE_LINK = Pattern.compile(
                "!?\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
        private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");
        private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp|mailto|file):[^>\\s]+)>",
                Pattern.CASE_INSENSITIVE);
        private static final Pattern BARE_URL = Pattern.compile("(?:https?|ftp)://[^\\s)<>\\]\"'`]+|mailto:[^\\s)<>\\]\"'`]+",
                Pattern.CASE_INSENSITIVE);
        private static final Pattern LOOPBACK = Pattern.compile(
                "(?i)^(?:https?)://(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\])(?:[:/].*)?$");
        private static final Pattern BARE_PATH = Pattern.compile(
                "(?<![\\w@/.:#-])((?:\\.{1,2}/|/)?(?:[\\w.-]+/)*[\\w-][\\w.-]*\\.(?:md|ya?ml|java|txt|json|sh|mjs|js|py|proto|xml|properties))(?![\\w/])(#[\\w-]+)?");
        private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
        private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}(?:\\s+(.*?))?\\s*$");
        private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(?:=+|-+)\\s*$");
        private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
        private static final List<String> NEIGHBOURS = List.of("../shared", "shared/reference");

        private final Path root;
        private final Map<Path, Set<String>> anchorCache = new HashMap<>();
        private int linksChecked;

        LinkChecker(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        int linksChecked() {
            return linksChecked;
        }

        /** Problems as {@code path:line: message}, path relative to the root. */
        List<String> check(Path file, String text) {
            Path absolute = file.toAbsolutePath().normalize();
            boolean yaml = absolute.getFileName().toString().matches(".*\\.ya?ml");
            List<String> problems = new ArrayList<>();
            String[] lines = text.split("\r?\n", -1);
            boolean inFence = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                String where = root.relativize(absolute).toString().replace('\\', '/') + ":" + (i + 1) + ": ";
                NEIGHBOURS.stream().filter(line::contains).findFirst().ifPresent(neighbour ->
                        problems.add(where + "'" + neighbour + "' points outside the repository: " + line.strip()));
                if (yaml) {
                    String comment = yamlComment(line);
                    if (comment != null) {
                        checkYamlComment(absolute, comment, where, problems);
                    }
                    continue;
                }
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                    continue;
                }
                if (!inFence) {
                    checkMarkdownLine(absolute, line, where, problems);
                }
            }
            return problems;
        }

        private void checkMarkdownLine(Path file, String line, String where, List<String> problems) {
            String prose = blank(line, CODE_SPAN);
            Matcher definition = REFERENCE_DEFINITION.matcher(prose);
            if (definition.find()) {
                judge(file, definition.group(1), where, problems);
                prose = blank(prose, REFERENCE_DEFINITION);
            }
            Matcher link = INLINE_LINK.matcher(prose);
            while (link.find()) {
                judge(file, link.group(2), where, problems);
            }
            prose = blank(prose, INLINE_LINK);
            Matcher autolink = AUTOLINK.matcher(prose);
            while (autolink.find()) {
                judge(file, autolink.group(1), where, problems);
            }
            prose = blank(prose, AUTOLINK);
            Matcher url = BARE_URL.matcher(prose);
            while (url.find()) {
                String target = url.group().replaceAll("[.,;:!?]+$", "");
                linksChecked++;
                if (!LOOPBACK.matcher(target).matches()) {
                    problems.add(where + "bare URL leaves the project: " + target);
                }
            }
        }

        private void checkYamlComment(Path file, String comment, String where, List<String> problems) {
            Matcher url = BARE_URL.matcher(comment);
            while (url.find()) {
                linksChecked++;
                problems.add(where + "absolute URL leaves the project: " + url.group().replaceAll("[.,;:!?]+$", ""));
            }
            Matcher path = BARE_PATH.matcher(blank(comment, BARE_URL));
            while (path.find()) {
                judge(file, path.group(1) + (path.group(2) == null ? "" : path.group(2)), where, problems);
            }
        }

        /** One link target, relative to {@code file}; adds at most one problem. */
        private void judge(Path file, String rawTarget, String where, List<String> problems) {
            linksChecked++;
            String target = rawTarget.startsWith("<") && rawTarget.endsWith(">")
                    ? rawTarget.substring(1, rawTarget.length() - 1) : rawTarget;
            if (NEIGHBOURS.stream().anyMatch(target::contains)) {
                return; // already reported for its line
            }
            if (SCHEME.matcher(target).find() || target.startsWith("//")) {
                problems.add(where + "absolute URL leaves the project: " + target);
                return;
            }
            int hash = target.indexOf('#');
            String pathPart = decode(hash < 0 ? target : target.substring(0, hash));
            String anchor = hash < 0 ? "" : decode(target.substring(hash + 1));
            Path resolved = pathPart.isEmpty() ? file
                    : (pathPart.startsWith("/") ? root.resolve(pathPart.substring(1)) : file.getParent().resolve(pathPart))
                            .normalize();
            if (!resolved.startsWith(root)) {
                problems.add(where + "link leaves the repository: " + target);
                return;
            }
            if (!Files.exists(resolved)) {
                problems.add(where + "link to a missing file: " + target + " (resolved to " + root.relativize(resolved) + ")");
                return;
            }
            if (!anchor.isEmpty() && Files.isRegularFile(resolved) && resolved.toString().endsWith(".md")
                    && !anchors(resolved).contains(anchor)) {
                problems.add(where + "no heading '#" + anchor + "' in " + root.relativize(resolved).toString().replace('\\', '/')
                        + ": " + target);
            }
        }

        private Set<String> anchors(Path markdown) {
            return anchorCache.computeIfAbsent(markdown, file -> {
                try {
                    return anchorsOf(Files.readString(file));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + file, e);
                }
            });
        }

        /** GitHub's heading ids (duplicates get -1, -2, …) plus explicit {@code <a name|id="...">} anchors. */
        static Set<String> anchorsOf(String markdown) {
            Set<String> anchors = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            String[] lines = markdown.split("\r?\n", -1);
            boolean inFence = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    continue;
                }
                Matcher html = HTML_ANCHOR.matcher(line);
                while (html.find()) {
                    anchors.add(html.group(1));
                }
                String heading = null;
                Matcher atx = ATX_HEADING.matcher(line);
                if (atx.matches()) {
                    heading = atx.group(1) == null ? "" : atx.group(1).replaceAll("\\s+#+$", "");
                } else if (i > 0 && SETEXT_UNDERLINE.matcher(line).matches() && isParagraphLine(lines[i - 1])) {
                    heading = lines[i - 1];
                }
                if (heading != null) {
                    String base = slug(heading);
                    int count = seen.merge(base, 1, Integer::sum) - 1;
                    anchors.add(count == 0 ? base : base + "-" + count);
                }
            }
            return anchors;
        }

        private static boolean isParagraphLine(String line) {
            String s = line.strip();
            return !s.isEmpty() && !s.startsWith("#") && !s.startsWith("|") && !s.startsWith(">")
                    && !s.startsWith("- ") && !s.startsWith("* ") && !FENCE.matcher(line).find();
        }

        /** GitHub's slug: rendered text, lower case, punctuation dropped, each space a hyphen. */
        static String slug(String heading) {
            String text = heading.strip()
                    .replaceAll("!?\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\([^)]*\\)", "$1")
                    .replaceAll("<[^>]+>", "")
                    .toLowerCase(Locale.ROOT);
            return text.replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
        }

        /** The comment part of a YAML line ('#' at the start or after a blank, outside quotes), or null. */
        static String yamlComment(String line) {
            boolean single = false;
            boolean dbl = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\'' && !dbl) {
                    single = !single;
                } else if (c == '"' && !single) {
                    dbl = !dbl;
                } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    return line.substring(i + 1);
                }
            }
            return null;
        }

        /** The text with every match replaced by spaces, so later patterns do not see it again. */
        private static String blank(String text, Pattern pattern) {
            Matcher m = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, " ".repeat(m.group().length()));
            }
            m.appendTail(out);
            return out.toString();
        }

        private static String decode(String text) {
            try {
                return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) {
                return text;
            }
        }
    }
}
