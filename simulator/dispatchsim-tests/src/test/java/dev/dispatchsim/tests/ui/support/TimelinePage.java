package dev.dispatchsim.tests.ui.support;

import java.util.List;
import java.util.Map;

/**
 * The timeline page as a person reads it: the rooms in the index, and for one room its card: the marks under
 * its chart (fault decisions, report lies) and what the chart really drew (ECharts' own option and the SVG it
 * rendered). Selecting a room scrolls its card into view, as a click does, because cards off screen are not drawn.
 * Each reading is one script, so a live page redrawing in between cannot hand back half of the old and half of
 * the new (or a stale element).
 */
public final class TimelinePage {

    /** A fault decision listed under a room's chart. */
    public record Mark(String kind, String rule, String hook, String text) {
    }

    /** A ListDispatch report listed under a room's chart, beside the truth. */
    public record Lie(String reported, String truth, boolean untrue) {
    }

    /** What a room's chart drew: frames that never arrived, ✕ symbols, lie labels, and every event label. */
    public record Chart(long lostFrames, long dropSymbols, long drawnCrosses, List<String> lieLabels, List<String> labels) {
    }

    private static final String CHART = """
            const card = document.querySelector('.card[data-room="' + CSS.escape(arguments[0]) + '"]');
            const chart = card && echarts.getInstanceByDom(card.querySelector('.chart'));
            if (!chart) return null;
            const series = chart.getOption().series;
            const data = name => series.find(s => s.name === name).data;
            return {
              lostFrames: data('faults-lines').length,
              dropSymbols: data('faults').filter(d => d.cls === 'mark-drop').length,
              drawnCrosses: [...card.querySelectorAll('.chart svg text')].filter(t => t.textContent === '✕').length,
              lieLabels: data('faults').filter(d => d.cls === 'lie').map(d => d.label.formatter),
              labels: data('events').map(d => String(d.label.formatter))
            };""";

    private final Browser browser;

    public TimelinePage(Browser browser) {
        this.browser = browser;
    }

    public TimelinePage awaitReady() {
        browser.await("the page drawn (body[data-ready])", d -> "true".equals(browser.one("body").getDomAttribute("data-ready")));
        return this;
    }

    /** The rooms in the index, in order (the "(no room)" row for workers aside). */
    public List<String> rooms() {
        return texts("return [...document.querySelectorAll('#room-list .room-row:not(.global)')].map(e => e.dataset.room)");
    }

    public List<String> awaitRooms(List<String> expected) {
        browser.await("the rooms " + expected + " (now " + rooms() + ")", d -> rooms().equals(expected));
        return rooms();
    }

    /** The badges of a room in the index, e.g. "✕1 ≠1". */
    public String badges(String room) {
        return String.join(" ", texts("return [...document.querySelectorAll('#room-list .room-row[data-room=\"' "
                + "+ CSS.escape(arguments[0]) + '\"] .badge')].map(e => e.textContent)", room));
    }

    /** Clicks the room in the index and waits until its card and chart are drawn. */
    public TimelinePage select(String room) {
        browser.one("#room-list .room-row[data-room='" + room + "']").click();
        browser.await("the card of " + room + " drawn", d -> chart(room) != null);
        return this;
    }

    public List<Mark> marks(String room) {
        return rows("return [...document.querySelectorAll(arguments[0])].map(li => [li.className.replace('mark mark-', ''),"
                + " li.dataset.rule, li.dataset.hook, li.textContent])", card(room) + " .marks li.mark")
                .stream().map(r -> new Mark(r.get(0), r.get(1), r.get(2), r.get(3))).toList();
    }

    public List<Lie> lies(String room) {
        return rows("return [...document.querySelectorAll(arguments[0])].map(li => [li.dataset.reported,"
                + " li.querySelector('.truth').textContent, String(li.classList.contains('untrue'))])", card(room) + " .marks li.lie")
                .stream().map(r -> new Lie(r.get(0), r.get(1), Boolean.parseBoolean(r.get(2)))).toList();
    }

    @SuppressWarnings("unchecked")
    public Chart chart(String room) {
        Object drawn = browser.script(CHART, room);
        if (!(drawn instanceof Map<?, ?> map)) {
            return null;
        }
        return new Chart(((Number) map.get("lostFrames")).longValue(), ((Number) map.get("dropSymbols")).longValue(),
                ((Number) map.get("drawnCrosses")).longValue(), (List<String>) map.get("lieLabels"),
                (List<String>) map.get("labels"));
    }

    /** The state panel's dispatch rows: "room|truth|ListDispatch" with whether it is marked as a lie. */
    public List<String> dispatchRows() {
        return texts("return [...document.querySelectorAll('#dispatch-list .job-row')].map(row => row.dataset.room + ' | '"
                + " + row.querySelector('.truth').textContent + ' | ' + row.querySelector('.reported').textContent"
                + " + (row.classList.contains('lie') ? ' | lie' : ''))").stream().sorted().toList();
    }

    public String clock() {
        return browser.one("#clock-badge").getText();
    }

    public String runInfo() {
        return browser.one("#run-info").getText();
    }

    public String feed() {
        return browser.one("#feed-status").getDomAttribute("data-state");
    }

    /** The rules in the profile panel with their fire counts: "rule: 3 fires". */
    public List<String> rules() {
        return texts("return [...document.querySelectorAll('#rule-list .rule-row')].map(r => "
                + "r.querySelector('.rule-name').textContent + ': ' + r.querySelector('.fires').textContent)");
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String script, Object... args) {
        return (List<String>) browser.script(script, args);
    }

    @SuppressWarnings("unchecked")
    private List<List<String>> rows(String script, Object... args) {
        return (List<List<String>>) browser.script(script, args);
    }

    private static String card(String room) {
        return ".card[data-room='" + room + "']";
    }
}
