"""Failure catalogue A3 / A0 mode 3 (docs/failure-catalogue.md) with the bundled profile late-delivery: every dispatch starts
6-16 s (seeded) after it was created. The real worker still takes the job when it comes: the delay
sits before the AvailabilityRequest, so the worker's 7.5 s assignment timeout never runs."""

from __future__ import annotations

import re
import time

import pytest
from livekit import api

from harness.app import AGENT_NAME, call, end_session, list_dispatch
from harness.journal import matching

PROFILE = "late-delivery"
MIN_DELAY_S, MAX_DELAY_S = 6.0, 16.0
late: dict = {}


def test_should_deliver_the_create_room_agent_6_to_16_s_late_listing_no_job_meanwhile(env):
    env.require()
    room = "late-session-1"

    # WHEN the app creates a room with the agent
    created = time.monotonic()
    call(env.sim, lambda lk: lk.room.create_room(api.CreateRoomRequest(
        name=room, agents=[api.RoomAgentDispatch(agent_name=AGENT_NAME, metadata='{"mode":"shutdown"}')])))

    # THEN until the delayed job starts, list_dispatch shows the dispatch without a job (as
    # livekit-server: a job is listed only once assigned), and the agent comes no sooner than the minimum
    [listed] = [d for d in list_dispatch(env.sim, room) if d.agent_name == AGENT_NAME]
    assert list(listed.state.jobs) == []
    contact = env.backend.wait_for("agent contacted backend", room, timeout=MAX_DELAY_S + 10)
    late_by = contact["receivedAt"] - created
    assert late_by >= MIN_DELAY_S, f"the agent came after {late_by:.3f} s"
    assert contact["dispatchId"] == listed.id
    end_session(env.sim, room)
    late.update(seconds=late_by, job_id=contact["jobId"])


def test_should_journal_the_seeded_delay_it_applied_which_the_agent_really_waited(env):
    env.require(admin=True)
    if not late:
        pytest.skip("the late delivery above did not complete")
    journal = env.sim.admin.journal()

    delays = matching(journal, "FaultApplied", rule="deliver-6-to-16s-late")

    assert [(d["hookPoint"], d["targets"]["room"]) for d in delays] == [("dispatch_created", "late-session-1")]
    # the applied effect is a value: {"type": "delay", "by": "PT12.185S"} (an ISO-8601 duration)
    effect = delays[0]["effect"]
    assert effect["type"] == "delay", effect
    delay_s = float(re.fullmatch(r"PT(\d+(?:\.\d+)?)S", effect["by"]).group(1))
    assert MIN_DELAY_S <= delay_s <= MAX_DELAY_S, effect
    assert late["seconds"] >= delay_s, f"the agent came after {late['seconds']:.3f} s, the delay was {delay_s} s"
    assert len(matching(journal, "JobAssigned", jobId=late["job_id"], delivered=True)) == 1
