package dev.dispatchsim.assertions;

import dev.dispatchsim.journal.JournalEvent.TwirpCall;

import java.util.List;
import java.util.stream.Collectors;

/** Failure messages of {@link TwirpCallsAssert}: what was expected, and every call made, one per line. Golden-file tested. */
final class TwirpCallMessages {

    private TwirpCallMessages() {
    }

    static String count(List<TwirpCall> all, List<TwirpCall> selected, String filters, int expected) {
        return "expected " + expected + " Twirp call(s) " + with(filters) + ", but there were " + selected.size()
                + made(all);
    }

    static String none(List<TwirpCall> all, String filters) {
        return "expected a Twirp call " + with(filters) + ", but there was none" + made(all);
    }

    private static String with(String filters) {
        return filters.isEmpty() ? "in all" : "with " + filters;
    }

    private static String made(List<TwirpCall> all) {
        if (all.isEmpty()) {
            return "; no Twirp call was made at all";
        }
        return "; the " + all.size() + " call(s) made:" + all.stream().map(TwirpCallMessages::line).collect(Collectors.joining());
    }

    /** {@code CreateDispatch room 'r' agent 'a' -> 503 unavailable "down"}. */
    static String line(TwirpCall c) {
        String ids = c.ids().entrySet().stream().map(e -> e.getKey() + " '" + e.getValue() + "'")
                .collect(Collectors.joining(" "));
        return "\n  " + c.service() + "/" + c.method() + (c.room().isEmpty() ? "" : " room '" + c.room() + "'")
                + (ids.isEmpty() ? "" : " " + ids) + " -> " + c.status() + " " + c.code()
                + (c.error().isEmpty() ? "" : " \"" + c.error() + "\"");
    }
}
