package dev.dispatchsim.tests.standalone;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the repository's Dockerfile says, read from the file itself so that the out-of-process test
 * runs the jar with the image's own entrypoint, health check and env, and cannot drift from it.
 * Understands only what our Dockerfile uses: exec-form ENTRYPOINT and HEALTHCHECK CMD, ENV k=v, COPY src dest.
 */
record DockerfileSpec(String from, String user, List<String> exposed, Map<String, String> env, String copySource,
                      String copyTarget, List<String> entrypoint, List<String> healthcheck) {

    static final Path PATH = Path.of("../../Dockerfile");
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\\S+)");

    static DockerfileSpec read() {
        List<String> instructions = instructions();
        String from = null;
        String user = null;
        String copySource = null;
        String copyTarget = null;
        List<String> exposed = new ArrayList<>();
        List<String> entrypoint = List.of();
        List<String> healthcheck = List.of();
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : instructions) {
            String[] parts = line.split("\\s+", 2);
            String rest = parts.length > 1 ? parts[1].strip() : "";
            switch (parts[0]) {
                case "FROM" -> from = rest;
                case "USER" -> user = rest;
                case "EXPOSE" -> exposed.addAll(List.of(rest.split("\\s+")));
                case "COPY" -> {
                    String[] paths = rest.split("\\s+");
                    copySource = paths[0];
                    copyTarget = paths[1];
                }
                case "ENV" -> {
                    Matcher pair = ENV_PAIR.matcher(rest);
                    while (pair.find()) {
                        env.put(pair.group(1), pair.group(2));
                    }
                }
                case "ENTRYPOINT" -> entrypoint = execForm(rest);
                case "HEALTHCHECK" -> healthcheck = execForm(rest.substring(rest.indexOf("CMD ") + 4));
                default -> { }
            }
        }
        return new DockerfileSpec(from, user, exposed, env, copySource, copyTarget, entrypoint, healthcheck);
    }

    /** Logical lines: comments dropped, backslash continuations joined. */
    private static List<String> instructions() {
        List<String> lines;
        try {
            lines = Files.readAllLines(PATH);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PATH.toAbsolutePath(), e);
        }
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.strip().startsWith("#") || line.isBlank()) {
                continue;
            }
            String text = line.strip();
            boolean continues = text.endsWith("\\");
            current.append(continues ? text.substring(0, text.length() - 1) : text).append(' ');
            if (!continues) {
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static List<String> execForm(String json) {
        try {
            return new ObjectMapper().readValue(json.strip(), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("not an exec-form (JSON array) command in the Dockerfile: " + json, e);
        }
    }
}
