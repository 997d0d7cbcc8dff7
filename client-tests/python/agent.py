"""The app's agent, as a user would write it with livekit-agents, minus the media.

There is no SFU in the simulator, so the entrypoint never calls ctx.connect(). It tells the app's
backend that it arrived ("agent contacted backend"), which is how the app verifies delivery end
to end, and then ends the job with ctx.shutdown(): a job whose entrypoint just returns stays alive.

Job metadata (JSON, set by the app): {"session": "...", "mode": "shutdown" | "stay"}. "stay" keeps
the job running until the server terminates it (DeleteDispatch -> JobTermination; DeleteRoom sends none).

Env: LIVEKIT_URL / LIVEKIT_API_KEY / LIVEKIT_API_SECRET (read by the SDK), BACKEND_URL (the
backend stub), AGENT_HEALTH_PORT (the worker's own health port; never the 8081 default, or two
workers collide). Run: python -m livekit.agents start agent.py
"""

from __future__ import annotations

import json
import os

import aiohttp
from livekit.agents import AgentServer, JobContext

server = AgentServer(
    # As in the A0 report. A job takes a warm process and its replacement needs seconds to warm up
    # on a busy 2-core box; a second one keeps back-to-back sessions from waiting for it.
    num_idle_processes=2,
    # A busy 2-core CI box must never make the worker report WS_FULL or refuse a job.
    load_fnc=lambda: 0.0,
    # SIGTERM in production mode drains; a test teardown should not wait the 1 h default.
    drain_timeout=2,
    host="127.0.0.1",
    port=int(os.environ["AGENT_HEALTH_PORT"]),
)


def _mode(metadata: str) -> str:
    try:
        return json.loads(metadata or "{}").get("mode", "shutdown")
    except ValueError:
        return "shutdown"


async def _tell_backend(event: str, ctx: JobContext) -> None:
    body = {
        "event": event,
        "sdk": "python",
        "jobId": ctx.job.id,
        "dispatchId": ctx.job.dispatch_id,
        "room": ctx.job.room.name,
        "agentName": ctx.job.agent_name,
        "metadata": ctx.job.metadata,
        "pid": os.getpid(),
    }
    async with aiohttp.ClientSession() as session:
        async with session.post(os.environ["BACKEND_URL"] + "/agent-events", json=body) as response:
            response.raise_for_status()


@server.rtc_session(agent_name="stt-agent")
async def entrypoint(ctx: JobContext) -> None:
    # Registered first so that a JobTermination arriving at any point is reported.
    async def on_shutdown(_reason: str) -> None:
        await _tell_backend("job shutting down", ctx)

    ctx.add_shutdown_callback(on_shutdown)
    await _tell_backend("agent contacted backend", ctx)
    if _mode(ctx.job.metadata) != "stay":
        ctx.shutdown("agent contacted backend")
