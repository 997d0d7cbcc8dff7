package dev.dispatchsim.clienttests.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/junit.md and the README show only code the build compiles and runs: each block after a
 * {@code <!-- snippet: path#tag -->} marker equals that tagged region (or whole file), and the
 * new-user project's tests are the very tests this module runs, under another package name.
 */
class DocsSnippetsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: ([^ #]+)(?:#([\\w-]+))? -->\\n```\\w*\\n(.*?)\\n```",
            Pattern.DOTALL);

    @Test
    void should_match_its_source_when_docs_junit_md_shows_a_snippet() throws IOException {
        // GIVEN the README fragment
        String docs = Files.readString(ROOT.resolve("docs/junit.md"));

        // WHEN each snippet is compared with the region it names
        Matcher matcher = SNIPPET.matcher(docs);
        List<String> checked = new ArrayList<>();
        while (matcher.find()) {
            String expected = region(ROOT.resolve(matcher.group(1)), matcher.group(2));
            // THEN they are equal
            assertThat(matcher.group(3)).as("snippet of %s#%s in docs/junit.md", matcher.group(1), matcher.group(2))
                    .isEqualTo(expected);
            checked.add(matcher.group(1));
        }
        assertThat(checked).as("snippets found").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void should_match_its_source_when_the_readme_shows_a_snippet() throws IOException {
        // GIVEN the README's JUnit quick start
        String readme = Files.readString(ROOT.resolve("README.md"));

        // WHEN / THEN each snippet equals the compiled code it names
        Matcher matcher = SNIPPET.matcher(readme);
        int checked = 0;
        while (matcher.find()) {
            assertThat(matcher.group(3)).as("snippet of %s#%s in README.md", matcher.group(1), matcher.group(2))
                    .isEqualTo(region(ROOT.resolve(matcher.group(1)), matcher.group(2)));
            checked++;
        }
        assertThat(checked).as("snippets found in README.md").isGreaterThanOrEqualTo(1);
    }

    @Test
    void should_be_the_tests_this_module_runs_when_the_new_user_project_has_them() throws IOException {
        for (String test : List.of("QuickStartTest", "LateAgentTest", "CreateRoomWithAgentsTest")) {
            String theirs = Files.readString(ROOT.resolve("client-tests/new-user-project/src/test/java/com/example/" + test + ".java"));
            String ours = Files.readString(Path.of("src/test/java/dev/dispatchsim/clienttests/app/" + test + ".java"));
            assertThat(ours.replaceFirst("package dev.dispatchsim.clienttests.app;", "package com.example;"))
                    .as("%s here and in the new-user project", test).isEqualTo(theirs);
        }
    }

    /**
     * The lines between the tag's start and end markers, common indentation removed; the whole file without
     * a tag. Lines that mark other regions inside it are not shown.
     */
    static String region(Path file, String tag) throws IOException {
        List<String> lines = Arrays.asList(Files.readString(file).split("\n", -1));
        if (tag == null) {
            return String.join("\n", lines.stream().filter(l -> !isMarker(l)).toList()).stripTrailing();
        }
        int start = indexOf(lines, "tag::" + tag + "[]", file);
        int end = indexOf(lines, "end::" + tag + "[]", file);
        List<String> body = lines.subList(start + 1, end).stream().filter(l -> !isMarker(l)).toList();
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }

    private static boolean isMarker(String line) {
        return line.contains("tag::") || line.contains("end::");
    }

    private static int indexOf(List<String> lines, String marker, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        throw new AssertionError("no '" + marker + "' in " + file);
    }
}
