package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.admin.RoomConfig;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.internal.admin.AdminJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dispatchsim report}: a saved journal to one HTML file, and clear errors for what is not a journal. */
@Timeout(30)
class ReportCommandTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, Map.of(), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private static Path savedJournal(Path dir) throws Exception {
        try (LiveKitSimulator sim = LiveKitSimulator.builder().clock(new ManualClock()).start()) {
            sim.admin().addParticipant("kiosk", "caller", SimParticipant.human().withRoomConfig(RoomConfig.withAgents("stt-agent")));
            return Files.writeString(dir.resolve("ci-run.jsonl"), AdminJson.journalLines(sim.journal().entries()));
        }
    }

    @Test
    void should_write_the_report_beside_the_journal_when_given_a_saved_journal(@TempDir Path dir) throws Exception {
        Path journal = savedJournal(dir);

        int code = run("report", journal.toString());

        assertThat(code).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
        Path html = dir.resolve("ci-run.html");
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).isEqualTo("dispatchsim report: wrote " + html.toUri() + "\n");
        assertThat(Files.readString(html)).contains("<title>ci-run.jsonl</title>", "\"mode\":\"report\"", "ParticipantJoined",
                "kiosk").doesNotContain("<script src=");
    }

    @Test
    void should_write_to_the_given_file_or_standard_output_with_the_given_title_when_asked(@TempDir Path dir) throws Exception {
        Path journal = savedJournal(dir);

        assertThat(run("report", journal.toString(), "-o", dir.resolve("out.html").toString(), "--title", "nightly")).isZero();
        assertThat(Files.readString(dir.resolve("out.html"))).contains("<title>nightly</title>");
        outBytes.reset();
        assertThat(run("report", journal.toString(), "--out", "-")).isZero();
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).startsWith("<!doctype html>").contains("kiosk");
    }

    @Test
    void should_accept_entries_of_types_it_does_not_know_when_the_journal_comes_from_a_newer_simulator(@TempDir Path dir)
            throws Exception {
        Path journal = Files.writeString(dir.resolve("newer.jsonl"),
                "{\"seq\":1,\"virtualTime\":\"2026-01-01T00:00:00Z\",\"type\":\"SomethingNew\",\"event\":{\"room\":\"r\"}}\n");

        assertThat(run("report", journal.toString())).isZero();
        assertThat(Files.readString(dir.resolve("newer.html"))).contains("SomethingNew");
    }

    @Test
    void should_skip_with_a_warning_a_json_line_that_is_not_an_entry_when_the_rest_is_a_journal(@TempDir Path dir)
            throws Exception {
        Path journal = Files.writeString(dir.resolve("marked.jsonl"), "{\"evicted\":12}\n"
                + "{\"seq\":13,\"virtualTime\":\"2026-01-01T00:00:00Z\",\"type\":\"RoomCreated\",\"event\":{\"room\":\"r\"}}\n");

        assertThat(run("report", journal.toString())).isZero();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEqualTo("dispatchsim report: skipped " + journal
                + ":1: not a journal entry (an entry has seq, virtualTime, type and event)\n");
        assertThat(dir.resolve("marked.html")).exists();
    }

    @Test
    void should_exit_2_naming_the_file_and_line_when_a_line_is_not_json_or_nothing_is_an_entry(@TempDir Path dir)
            throws Exception {
        Path notJson = Files.writeString(dir.resolve("bad.jsonl"),
                "{\"seq\":1,\"virtualTime\":\"2026-01-01T00:00:00Z\",\"type\":\"RoomCreated\",\"event\":{}}\n\nnot json\n");
        Path notEntry = Files.writeString(dir.resolve("state.json"), "{\"rooms\":[]}\n");

        assertThat(run("report", notJson.toString())).isEqualTo(2);
        assertThat(run("report", notEntry.toString())).isEqualTo(2);
        assertThat(run("report", dir.resolve("missing.jsonl").toString())).isEqualTo(2);

        assertThat(errBytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "dispatchsim report: " + notJson + ":3: not JSON; a journal file has one JSON entry per line, as GET /_sim/journal answers",
                "dispatchsim report: skipped " + notEntry + ":1: not a journal entry (an entry has seq, virtualTime, type and event)",
                "dispatchsim report: " + notEntry + ": no journal entries; a journal file has one JSON entry per line, as "
                        + "GET /_sim/journal answers",
                "dispatchsim report: cannot read " + dir.resolve("missing.jsonl") + ": java.nio.file.NoSuchFileException: "
                        + dir.resolve("missing.jsonl"));
        assertThat(dir.resolve("bad.html")).doesNotExist();
        assertThat(dir.resolve("state.html")).doesNotExist();
    }

    @Test
    void should_list_the_report_command_with_its_options_when_help_is_asked_for() {
        assertThat(run("--help")).isZero();
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("report");
        outBytes.reset();
        assertThat(run("report", "--help")).isZero();
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("JOURNAL", "--out", "--title");
    }
}
