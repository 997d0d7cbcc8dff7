package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.internal.admin.AdminJson;
import dev.dispatchsim.internal.ui.ReportData;
import dev.dispatchsim.internal.ui.UiPages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code dispatchsim report JOURNAL.jsonl [-o OUT.html] [--title T]}: the timeline report of a saved journal
 * (the admin export, {@code GET /_sim/journal}, e.g. a CI artifact), as one HTML file that opens offline.
 * Exit codes: 0 written, 2 for a file that cannot be read or a line that is not a journal entry (named by
 * file and line), 1 when the report cannot be written.
 */
final class ReportCommand {

    static final String NAME = "report";

    private ReportCommand() {
    }

    static CommandSpec spec() {
        CommandSpec report = CommandSpec.create().name(NAME).mixinStandardHelpOptions(true);
        report.usageMessage().description("Write the timeline report (one self-contained HTML file) of a saved journal: "
                + "the JSON Lines that GET /_sim/journal answers.");
        report.addPositional(PositionalParamSpec.builder().paramLabel("JOURNAL").type(String.class)
                .description("the journal file (JSON Lines)").arity("1").build());
        report.addOption(OptionSpec.builder("-o", "--out").paramLabel("FILE").type(String.class)
                .description("where to write the report; '-' for standard output. Default: JOURNAL with .html").build());
        report.addOption(OptionSpec.builder("--title").paramLabel("TEXT").type(String.class)
                .description("the page's title. Default: the journal's file name").build());
        return report;
    }

    static int run(ParseResult parsed, PrintStream out, PrintStream err) {
        Path journal = Path.of((String) parsed.matchedPositional(0).getValue());
        String text;
        try {
            text = Files.readString(journal, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            err.println("dispatchsim report: cannot read " + journal + ": " + unreadable);
            return 2;
        }
        String problem = firstProblem(journal, text);
        if (problem != null) {
            err.println("dispatchsim report: " + problem);
            return 2;
        }
        String title = parsed.matchedOptionValue("--title", journal.getFileName().toString());
        String html = UiPages.report(ReportData.ofJournal(text, title));
        String target = parsed.matchedOptionValue("--out", defaultOut(journal).toString());
        if (target.equals("-")) {
            out.print(html);
            out.flush();
            return 0;
        }
        try {
            Path written = Files.writeString(Path.of(target), html, StandardCharsets.UTF_8);
            out.println("dispatchsim report: wrote " + written.toAbsolutePath().toUri());
            return 0;
        } catch (IOException cannotWrite) {
            err.println("dispatchsim report: cannot write " + target + ": " + cannotWrite);
            return 1;
        }
    }

    /** The first line that is not a journal entry, as "file:line: why", or null. Unknown event types are fine. */
    static String firstProblem(Path file, String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            Map<String, Object> entry;
            try {
                entry = AdminJson.readMap(line);
            } catch (IllegalArgumentException notJson) {
                return where + "not JSON; a journal file has one JSON entry per line, as GET /_sim/journal answers";
            }
            if (!(entry.get("seq") instanceof Number) || !(entry.get("virtualTime") instanceof String)
                    || !(entry.get("type") instanceof String) || !(entry.get("event") instanceof Map)) {
                return where + "not a journal entry: it needs seq (a number), virtualTime, type and event, as "
                        + "GET /_sim/journal writes them";
            }
        }
        return null;
    }

    private static Path defaultOut(Path journal) {
        String name = journal.getFileName().toString().replaceFirst("\\.(jsonl|ndjson|json|txt)$", "");
        return journal.resolveSibling(name + ".html");
    }
}
