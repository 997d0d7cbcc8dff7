"""Reading the journal (ground truth) the way the scenarios need it."""

from __future__ import annotations

from .admin import Admin
from .wait import wait_for

# The events that record dispatch decisions; worker status chatter and wall times are left out.
DECISIONS = {"DispatchCreated", "JobCreated", "AvailabilityRequested", "AvailabilityAnswered",
             "AvailabilityTimedOut", "JobAssigned", "DispatchUndeliverable", "FaultApplied"}
NOT_DETERMINISTIC = {"seq", "virtualTime", "wallTime", "time", "timestamp", "event"}


def matching(entries: list[dict], type: str, **fields) -> list[dict]:
    return [e for e in entries if e.get("type") == type and all(e.get(k) == v for k, v in fields.items())]


def dispatch_decisions(entries: list[dict]) -> dict[str, list[dict]]:
    """Each room's dispatch decisions, in order. Grouped by room because real clients run on real
    time: a 3 s availability timeout of one session may land before or after a later session's
    calls, but never moves within its own room."""
    room_of_job = {e["jobId"]: e["room"] for e in entries if e.get("type") == "JobCreated"}
    by_room: dict[str, list[dict]] = {}
    for entry in entries:
        if entry.get("type") not in DECISIONS:
            continue
        room = entry.get("room") or (entry.get("targets") or {}).get("room") or room_of_job.get(entry.get("jobId"), "(none)")
        by_room.setdefault(room, []).append({k: v for k, v in entry.items() if k not in NOT_DETERMINISTIC})
    return by_room


def await_entry(admin: Admin, type: str, since: int | None = None, timeout: float = 30, **fields) -> dict:
    last: list[dict] = []

    def probe():
        nonlocal last
        last = admin.journal(since=since, type=type)
        found = matching(last, type, **fields)
        return found[0] if found else None

    return wait_for(f"journal {type} {fields}", probe, timeout=timeout, interval=0.1, last_seen=lambda: last[-5:])
