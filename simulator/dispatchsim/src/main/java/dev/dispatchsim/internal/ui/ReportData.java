package dev.dispatchsim.internal.ui;

import dev.dispatchsim.admin.Health;
import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.internal.admin.AdminJson;
import dev.dispatchsim.model.SimulatorState;
import dev.dispatchsim.profile.Profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a report shows: a title, the run's meta data (seed, clock, profile and its rules), the simulator's
 * state when there is one, the journal as the admin export writes it (JSON Lines, so a file dropped on the
 * page and the embedded copy are read by the same code) and a note (a failed test's message).
 */
public record ReportData(String title, Map<String, Object> meta, SimulatorState state, String journalLines, String note) {

    public ReportData {
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta)); // a value may be null: no profile
        note = note == null ? "" : note;
    }

    /** Everything a running simulator knows now. {@code source} says who asked: "junit", "admin", ... */
    public static ReportData snapshot(SimulatorAdmin admin, Profile profile, String title, String note, String source) {
        SimulatorState state = admin.state();
        String journal = AdminJson.journalLines(admin.journal(JournalQuery.all()));
        return new ReportData(title, meta(admin.health(), profile, title, source), state, journal, note);
    }

    /** A saved journal alone: no state, and no meta data beyond what the file is called. */
    public static ReportData ofJournal(String journalLines, String title) {
        return new ReportData(title, Map.of("title", title, "source", "file"), null, journalLines, "");
    }

    /** The meta data the page shows in its header and profile panel; the live feed sends the same. */
    static Map<String, Object> meta(Health health, Profile profile, String title, String source) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("title", title);
        meta.put("source", source);
        meta.put("seed", health.seed());
        meta.put("clock", health.clock());
        meta.put("now", health.now().toString());
        meta.put("profile", profileJson(profile));
        return meta;
    }

    private static Map<String, Object> profileJson(Profile profile) {
        if (profile == null || profile.ruleNames().isEmpty() && profile.name().equals(Profile.none().name())) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", profile.name());
        json.put("seed", profile.seed().isPresent() ? profile.seed().getAsLong() : null);
        json.put("rules", profile.ruleNames());
        return json;
    }

    /** The page's data, as JSON. */
    String json() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meta", meta);
        data.put("note", note);
        data.put("state", state);
        data.put("journal", journalLines);
        return AdminJson.write(data);
    }
}
