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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code dispatchsim report JOURNAL.jsonl [-o OUT.html] [--title T]}: the timeline report of a saved journal
 * (the admin export, {@code GET /_sim/journal}, e.g. a CI artifact), as one HTML file that opens offline.
 * Exit codes: 0 written, 2 for a file that cannot be read, a line that is not JSON (named by file and line)
 * or a file with no entry at all, 1 when the report cannot be written. A JSON line that is not an entry is
 * skipped with a warning naming it.
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
        JournalCheck check = JournalCheck.of(journal, text);
        check.skipped().forEach(line -> err.println("dispatchsim report: skipped " + line));
        if (check.error() != null) {
            err.println("dispatchsim report: " + check.error());
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

    /**
     * What a journal file holds: {@code error} when it cannot be shown (a line that is not JSON, or no entry at
     * all), and the JSON lines that are not entries, skipped with a warning (a newer export may carry other
     * lines, such as markers); entries of event types this version does not know are fine.
     */
    record JournalCheck(String error, List<String> skipped) {

        static JournalCheck of(Path file, String text) {
            List<String> lines = text.lines().toList();
            List<String> skipped = new ArrayList<>();
            int entries = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String where = file + ":" + (i + 1) + ": ";
                Map<String, Object> line;
                try {
                    line = AdminJson.readMap(lines.get(i));
                } catch (IllegalArgumentException notJson) {
                    return new JournalCheck(where + "not JSON; a journal file has one JSON entry per line, as "
                            + "GET /_sim/journal answers", skipped);
                }
                if (line.get("seq") instanceof Number && line.get("virtualTime") instanceof String
                        && line.get("type") instanceof String && line.get("event") instanceof Map) {
                    entries++;
                } else {
                    skipped.add(where + "not a journal entry (an entry has seq, virtualTime, type and event)");
                }
            }
            return new JournalCheck(entries > 0 ? null : file + ": no journal entries; a journal file has one JSON "
                    + "entry per line, as GET /_sim/journal answers", skipped);
        }
    }

    private static Path defaultOut(Path journal) {
        String name = journal.getFileName().toString().replaceFirst("\\.(jsonl|ndjson|json|txt)$", "");
        return journal.resolveSibling(name + ".html");
    }
}
