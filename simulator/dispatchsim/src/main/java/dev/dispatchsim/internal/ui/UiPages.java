package dev.dispatchsim.internal.ui;

import dev.dispatchsim.internal.admin.AdminApi;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The timeline page, two ways from one template: live (assets by URL, journal entries pushed by the
 * simulator) and as a report (one self-contained file: stylesheet, scripts and the journal inlined, so it
 * opens from disk, offline, years later).
 */
public final class UiPages {

    static final String ASSETS = AdminApi.PREFIX + "ui/assets/";
    static final String EVENTS = AdminApi.PREFIX + "ui/events";
    static final String STATE = AdminApi.PREFIX + "state";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(title|style|config|scripts)}}");

    private UiPages() {
    }

    static String live() {
        String scripts = UiAssets.SCRIPTS.stream()
                .map(s -> "<script src=\"" + ASSETS + UiAssets.servedName(s) + "\"></script>")
                .collect(Collectors.joining("\n"));
        return fill("dispatchsim timeline",
                "<link rel=\"stylesheet\" href=\"" + ASSETS + UiAssets.STYLE + "\">",
                json("ds-config", "{\"mode\":\"live\",\"events\":\"" + EVENTS + "\",\"state\":\"" + STATE + "\"}"),
                scripts);
    }

    public static String report(ReportData data) {
        String scripts = UiAssets.SCRIPTS.stream()
                .map(s -> "<script>/* " + s + " */\n" + inline(UiAssets.text(s)) + "\n</script>")
                .collect(Collectors.joining("\n"));
        return fill(data.title(), "<style>\n" + UiAssets.text(UiAssets.STYLE) + "\n</style>",
                json("ds-config", "{\"mode\":\"report\"}") + "\n" + json("ds-data", data.json()), scripts);
    }

    /**
     * One pass over the template, so a value that happens to contain "{{scripts}}" (a room name in the journal)
     * is never substituted again. The title is the only text from outside that lands in markup: it is escaped.
     */
    private static String fill(String title, String style, String config, String scripts) {
        Map<String, String> values = Map.of("title", escapeHtml(title), "style", style, "config", config, "scripts", scripts);
        Matcher placeholder = PLACEHOLDER.matcher(UiAssets.text(UiAssets.PAGE));
        StringBuilder page = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(page, Matcher.quoteReplacement(values.get(placeholder.group(1))));
        }
        return placeholder.appendTail(page).toString();
    }

    /**
     * JSON inside a script element: every '<' becomes its JSON escape, so no journal text (a room name, an error
     * message) can close the element or open a comment; JSON.parse reads it back unchanged.
     */
    private static String json(String id, String json) {
        return "<script type=\"application/json\" id=\"" + id + "\">" + json.replace("<", "\\u003c") + "</script>";
    }

    /** A script inlined in the page must not contain its own end tag. */
    private static String inline(String script) {
        return script.replace("</script", "<\\/script");
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
