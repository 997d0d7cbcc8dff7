package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reader who asks for entries after {@code since} must not silently get a later start because the
 * ring evicted the entries in between: that is a 410 saying how many are gone and where to resume.
 * {@code since=0} means "whatever is held" and never fails (the response headers say where it starts).
 */
final class JournalEviction {

    private JournalEviction() {
    }

    static void check(long since, long oldestSeq, long lastSeq) {
        long evicted = oldestSeq - 1 - since;
        if (since <= 0 || evicted <= 0 || since > lastSeq) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("since", since);
        details.put("oldestSeq", oldestSeq);
        details.put("evicted", evicted);
        throw new AdminException(410, "evicted", evicted + " journal entries after seq " + since
                + " were evicted (the journal keeps its newest entries up to its capacity; the oldest held is seq "
                + oldestSeq + "): read again with since=" + (oldestSeq - 1) + " to continue from there, knowing those are"
                + " missing, or start the simulator with a larger journal capacity", details);
    }
}
