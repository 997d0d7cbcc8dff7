"""The app under test, reduced to its dispatch logic: the workaround from the createRoom-agents
report (docs/failure-catalogue.md, A0). Create the room with the agent; verify end to end that the agent
contacted the backend; if not within a few seconds, fall back to create_dispatch (bounded)."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field

from livekit import api

from .backend import Backend
from .simulator import API_KEY, API_SECRET, Simulator

AGENT_NAME = "stt-agent"
VERIFY_S = 3.0  # how long the app trusts a normal delivery to take (usually ~0.1 s)
FALLBACK_DELIVERY_S = 1.0  # the report: a fallback delivered "within about 0.5 s"; the test allows 1 s
MAX_FALLBACKS = 3


def call(sim: Simulator, use):
    """Runs `use(lkapi)` (a coroutine function) with a fresh LiveKitAPI, as a short-lived app request would."""
    async def run():
        async with api.LiveKitAPI(sim.http_url, API_KEY, API_SECRET) as lkapi:
            return await use(lkapi)

    return asyncio.run(run())


def list_dispatch(sim: Simulator, room: str) -> list:
    return call(sim, lambda lk: lk.agent_dispatch.list_dispatch(room))


@dataclass
class Session:
    room: str
    delivered_by_create_room: bool = False
    listed_before_fallback: list | None = None
    fallbacks: list[dict] = field(default_factory=list)


async def _wait_contact(backend: Backend, room: str, timeout: float) -> dict | None:
    return await asyncio.to_thread(backend.poll, "agent contacted backend", room, timeout)


def run_session(sim: Simulator, backend: Backend, room: str, mode: str = "shutdown") -> Session:
    """One session as the app runs it: what createRoom delivered, what list_dispatch claimed before
    the fallback, and each fallback with its delivery time."""
    metadata = json.dumps({"session": room, "mode": mode})

    async def run(lk: api.LiveKitAPI) -> Session:
        session = Session(room)
        await lk.room.create_room(api.CreateRoomRequest(
            name=room, agents=[api.RoomAgentDispatch(agent_name=AGENT_NAME, metadata=metadata)]))
        if await _wait_contact(backend, room, VERIFY_S):
            session.delivered_by_create_room = True
            return session
        session.listed_before_fallback = list(await lk.agent_dispatch.list_dispatch(room))
        for _ in range(MAX_FALLBACKS):
            started = time.monotonic()
            created = await lk.agent_dispatch.create_dispatch(api.CreateAgentDispatchRequest(
                agent_name=AGENT_NAME, room=room, metadata=metadata))
            contact = await _wait_contact(backend, room, FALLBACK_DELIVERY_S)
            session.fallbacks.append({"dispatch_id": created.id, "contact": contact,
                                      "delivered_after_s": contact["receivedAt"] - started if contact else None})
            if contact:
                break
        return session

    return call(sim, run)


def end_session(sim: Simulator, room: str) -> None:
    """The app ends a session by deleting its room."""
    call(sim, lambda lk: lk.room.delete_room(api.DeleteRoomRequest(room=room)))
