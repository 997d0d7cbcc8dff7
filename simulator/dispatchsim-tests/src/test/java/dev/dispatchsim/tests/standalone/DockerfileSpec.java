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
 * Understands only what our Dockerfile uses: ARG k=default, FROM ${ARG}, exec-form ENTRYPOINT and
 * HEALTHCHECK CMD, ENV k=v, LABEL k="v", RUN (kept as text), COPY src dest.
 */
record DockerfileSpec(String from, Map<String, String> args, Map<String, String> labels, String user,
                      List<String> exposed, Map<String, String> env, List<String> runs, String copySource,
                      String copyTarget, List<String> entrypoint, List<String> healthcheck) {

    static final Path PATH = Path.of("../../Dockerfile");
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\\S+)");
    private static final Pattern LABEL_PAIR = Pattern.compile("([a-z0-9.-]+)=\"([^\"]*)\"");
    private static final Pattern ARG_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    static DockerfileSpec read() {
        List<String> instructions = instructions();
        String from = null;
        String user = null;
        String copySource = null;
        String copyTarget = null;
        List<String> exposed = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        Map<String, String> args = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> entrypoint = List.of();
        List<String> healthcheck = List.of();
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : instructions) {
            String[] parts = line.split("\\s+", 2);
            String rest = parts.length > 1 ? parts[1].strip() : "";
            switch (parts[0]) {
                case "ARG" -> {
                    String[] pair = rest.split("=", 2);
                    args.put(pair[0], pair.length > 1 ? pair[1] : null);
                }
                case "FROM" -> from = rest;
                case "LABEL" -> {
                    Matcher pair = LABEL_PAIR.matcher(rest);
                    while (pair.find()) {
                        labels.put(pair.group(1), pair.group(2));
                    }
                }
                case "RUN" -> runs.add(rest);
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
        return new DockerfileSpec(from, args, labels, user, exposed, env, runs, copySource, copyTarget, entrypoint,
                healthcheck);
    }

    /** {@code text} with each {@code ${ARG}} replaced by that build argument's default. */
    String resolve(String text) {
        Matcher ref = ARG_REF.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (ref.find()) {
            String value = args.get(ref.group(1));
            if (value == null) {
                throw new IllegalStateException("the Dockerfile uses ${" + ref.group(1) + "} but declares no ARG "
                        + ref.group(1) + " with a default");
            }
            ref.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        return ref.appendTail(resolved).toString();
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
