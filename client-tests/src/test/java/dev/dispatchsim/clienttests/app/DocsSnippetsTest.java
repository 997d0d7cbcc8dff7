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
 * docs/junit.md, docs/docker.md and the README show only code the build compiles and runs: each block after a
 * {@code <!-- snippet: path#tag -->} marker equals that tagged region (or whole file), and the
 * new-user project's tests are the very tests this module runs, under another package name.
 */
class DocsSnippetsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: ([^ #]+)(?:#([\\w-]+))? -->\\n```\\w*\\n(.*?)\\n```",
            Pattern.DOTALL);

    @Test
    void should_match_its_source_when_docs_junit_md_shows_a_snippet() throws IOException {
        // GIVEN docs/junit.md  WHEN / THEN each snippet equals the region of the compiled test it names
        assertThat(checkedSnippets("docs/junit.md")).as("snippets found").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void should_match_its_source_when_docs_docker_md_shows_a_snippet() throws IOException {
        // GIVEN the Testcontainers examples for Java, Node and Python  WHEN / THEN each is the container tests' code
        assertThat(checkedSnippets("docs/docker.md")).as("snippets found in docs/docker.md").contains(
                "simulator/dispatchsim-testcontainers/src/test/java/dev/dispatchsim/testcontainers/DispatchSimContainerIT.java",
                "client-tests/node/test/container.test.mjs", "client-tests/python/tests/test_container.py");
    }

    @Test
    void should_match_its_source_when_the_readme_shows_a_snippet() throws IOException {
        // GIVEN the README's JUnit quick start  WHEN / THEN each snippet equals the compiled code it names
        assertThat(checkedSnippets("README.md")).as("snippets found in README.md").isNotEmpty();
    }

    /** Asserts that each snippet of {@code doc} equals the region it names; returns the files they name. */
    private static List<String> checkedSnippets(String doc) throws IOException {
        Matcher matcher = SNIPPET.matcher(Files.readString(ROOT.resolve(doc)));
        List<String> checked = new ArrayList<>();
        while (matcher.find()) {
            assertThat(matcher.group(3)).as("snippet of %s#%s in %s", matcher.group(1), matcher.group(2), doc)
                    .isEqualTo(region(ROOT.resolve(matcher.group(1)), matcher.group(2)));
            checked.add(matcher.group(1));
        }
        return checked;
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
