package dev.dispatchsim.assertions;

import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.function.Predicate;

/**
 * Verifies the Twirp calls the app made, the WireMock {@code verify(2, postRequestedFor(...))} way:
 * {@code assertThat(sim).twirpCalls().method("CreateDispatch").forRoom("r").hasSize(2)}. Each filter narrows
 * the calls; a failure lists every call that was made, so the near miss (another room, another method) shows.
 */
public final class TwirpCallsAssert extends AbstractAssert<TwirpCallsAssert, List<TwirpCall>> {

    private final List<TwirpCall> all;
    private final String filters;

    TwirpCallsAssert(List<TwirpCall> all, List<TwirpCall> selected, String filters) {
        super(selected, TwirpCallsAssert.class);
        this.all = all;
        this.filters = filters;
    }

    /** Only calls of this method, e.g. {@code CreateDispatch}. */
    public TwirpCallsAssert method(String method) {
        return narrow(c -> c.method().equals(method), "method " + method);
    }

    /** Only calls about this room. */
    public TwirpCallsAssert forRoom(String room) {
        return narrow(c -> c.room().equals(room), "room '" + room + "'");
    }

    /** Only calls that name this agent (CreateDispatch, CreateRoom with agents, DeleteDispatch). */
    public TwirpCallsAssert forAgent(String agent) {
        return narrow(c -> agent.equals(c.ids().get("agent")), "agent '" + agent + "'");
    }

    /** Only calls answered successfully (HTTP 200). */
    public TwirpCallsAssert succeeded() {
        return narrow(c -> c.status() == 200, "succeeded");
    }

    /** Only calls answered with an error, of this Twirp code (e.g. {@code unavailable}). */
    public TwirpCallsAssert failedWith(String code) {
        return narrow(c -> c.code().equals(code), "failed with " + code);
    }

    public TwirpCallsAssert hasSize(int expected) {
        if (actual.size() != expected) {
            failWithMessage("%s", TwirpCallMessages.count(all, actual, filters, expected));
        }
        return this;
    }

    public TwirpCallsAssert isEmpty() {
        return hasSize(0);
    }

    public TwirpCallsAssert isNotEmpty() {
        if (actual.isEmpty()) {
            failWithMessage("%s", TwirpCallMessages.none(all, filters));
        }
        return this;
    }

    /** The selected calls, for AssertJ's own list assertions. */
    public List<TwirpCall> calls() {
        return actual;
    }

    private TwirpCallsAssert narrow(Predicate<TwirpCall> keep, String filter) {
        List<TwirpCall> narrowed = actual.stream().filter(keep).toList();
        return new TwirpCallsAssert(all, narrowed, filters.isEmpty() ? filter : filters + ", " + filter);
    }
}
