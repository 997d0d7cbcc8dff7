"""Failure catalogue A0 (docs/failure-catalogue.md), end to end with the real Python clients and the bundled profile
createroom-agents-dropped: sessions run one after another; create_room's agent is silently dropped
for sessions 2-4 while list_dispatch says JS_RUNNING; the app's fallback create_dispatch delivers."""

from __future__ import annotations

import pytest
from google.protobuf.json_format import MessageToDict

from harness.app import AGENT_NAME, FALLBACK_DELIVERY_S, Session, end_session, run_session
from harness.journal import await_entry, dispatch_decisions, matching
from harness.simulator import start_simulator

PROFILE = "createroom-agents-dropped"
SESSIONS = [f"a0-session-{n}" for n in range(1, 6)]
first_day: dict = {}


def _run_day(env) -> list[Session]:
    """The app's day: each session starts after the previous one ended (its agent came, room deleted)."""
    sessions = []
    for room in SESSIONS:
        sessions.append(run_session(env.sim, env.backend, room))
        end_session(env.sim, room)
    return sessions


def _listed(session: Session) -> list[dict]:
    return [MessageToDict(d) for d in session.listed_before_fallback or [] if d.agent_name == AGENT_NAME]


def _visible(env, sessions: list[Session]) -> list[dict]:
    """What the SDKs saw, ids included: ids come from the seed, so a rerun must see the same."""
    return [{
        "room": s.room,
        "delivered_by_create_room": s.delivered_by_create_room,
        "listed": [(d["id"], [(j["id"], j["state"]["status"]) for j in d["state"]["jobs"]]) for d in _listed(s)],
        "fallbacks": [(f["dispatch_id"], (f["contact"] or {}).get("jobId")) for f in s.fallbacks],
        "contacts": [e["jobId"] for e in env.backend.events_for(s.room, "agent contacted backend")],
    } for s in sessions]


def _dropped_jobs(sessions: list[Session]) -> list[str]:
    return [_listed(s)[0]["state"]["jobs"][0]["id"] for s in sessions[1:4]]


def _settled_decisions(env, sessions: list[Session]) -> dict:
    """The journal once the day's last decision is made: the server gives up on each dropped offer
    3 s after it (AvailabilityTimedOut), after the app has moved on."""
    for job_id in _dropped_jobs(sessions):
        await_entry(env.sim.admin, "AvailabilityTimedOut", jobId=job_id, timeout=30)
    return dispatch_decisions(env.sim.admin.journal())


def _require_first_day() -> None:
    if not first_day:
        pytest.skip("the first scenario did not complete its day")


def test_should_need_the_fallback_for_sessions_2_to_4_while_list_dispatch_says_js_running(env):
    env.require()
    # WHEN the app runs five sessions in a row
    sessions = _run_day(env)
    first_day.update(sessions=sessions, visible=_visible(env, sessions))

    # THEN sessions 1 and 5 got their agent from create_room; 2-4 did not
    assert [s.delivered_by_create_room for s in sessions] == [True, False, False, False, True]
    for session in sessions[1:4]:
        # list_dispatch claimed a running job for the dropped dispatch...
        [listed] = _listed(session)
        [claimed] = listed["state"]["jobs"]
        assert claimed["state"]["status"] == "JS_RUNNING", session.room
        # ...that no agent ever got: the only agent in the room came from the one fallback dispatch
        assert len(session.fallbacks) == 1, session.room
        [fallback] = session.fallbacks
        contacts = env.backend.events_for(session.room, "agent contacted backend")
        assert [(c["jobId"], c["dispatchId"]) for c in contacts] == [(fallback["contact"]["jobId"], fallback["dispatch_id"])]
        assert fallback["contact"]["jobId"] != claimed["id"]
        assert fallback["delivered_after_s"] <= FALLBACK_DELIVERY_S, f"{session.room}: {fallback['delivered_after_s']} s"


def test_should_journal_the_drops_the_dropped_jobs_were_never_answered_nor_assigned(env):
    env.require(admin=True)
    _require_first_day()
    journal = env.sim.admin.journal()
    dropped = _dropped_jobs(first_day["sessions"])

    drops = matching(journal, "FaultApplied", rule="drop-createroom-sessions-2-to-4")
    assert [(d["hookPoint"], d["effect"], d["targets"]["job"]) for d in drops] \
        == [("availability_request", {"type": "drop"}, job_id) for job_id in dropped]
    for job_id in dropped:
        assert len(matching(journal, "JobCreated", jobId=job_id)) == 1
        assert matching(journal, "AvailabilityAnswered", jobId=job_id) == []
        assert matching(journal, "JobAssigned", jobId=job_id) == []
        assert matching(journal, "JobStatusUpdated", jobId=job_id) == [], "the worker never heard of it"


def test_should_make_the_same_decisions_when_the_same_day_runs_again_with_the_same_seed(env):
    env.require()
    _require_first_day()
    with_journal = env.sim.admin.unavailable_reason() is None
    first_decisions = _settled_decisions(env, first_day["sessions"]) if with_journal else None

    # GIVEN a fresh simulator, same seed and port; the same worker reconnects to it on its own
    registrations = len(env.worker.registrations())
    seed, port = env.sim.seed, env.sim.port
    env.sim.stop()
    env.sim = start_simulator(seed=seed, profile=PROFILE, port=port, log_file=env.dir / "simulator-rerun.log",
                              marker=env.marker)
    env.worker.wait_registered(after=registrations)
    env.backend.clear()

    # WHEN the app runs the same day again
    sessions = _run_day(env)

    # THEN everything the SDKs saw (ids, statuses, who delivered) and the journal's decisions repeat
    assert _visible(env, sessions) == first_day["visible"]
    if with_journal:
        assert _settled_decisions(env, sessions) == first_decisions
