"""Capture what an agent worker and the simulator say to each other on /agent.

A development tool, not a test: a WebSocket relay that decodes every frame with the SDK's own
livekit.protocol classes and prints one JSON line per frame. Point the worker's LIVEKIT_URL at the
relay; everything else goes straight to the simulator.

    .venv/bin/python tools/capture_worker_frames.py --upstream ws://127.0.0.1:7880 --port 7990
    LIVEKIT_URL=ws://127.0.0.1:7990 ... .venv/bin/python -m livekit.agents start agent.py

Type "close" + Enter on stdin to close the worker's socket from the server side (code 1011), which
makes the worker reconnect (and, with a running job, send MigrateJobRequest).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time

import aiohttp
from aiohttp import web
from google.protobuf.json_format import MessageToDict
from livekit.protocol import agent


def _line(direction: str, message, started: float) -> str:
    decoded = MessageToDict(message, preserving_proto_field_name=True)
    return json.dumps({"t": round(time.monotonic() - started, 3), "dir": direction, **decoded})


async def _pump(source, sink, direction: str, parse, started: float) -> None:
    async for frame in source:
        if frame.type == aiohttp.WSMsgType.BINARY:
            print(_line(direction, parse(frame.data), started), flush=True)
            await sink.send_bytes(frame.data)
        elif frame.type == aiohttp.WSMsgType.TEXT:
            print(json.dumps({"dir": direction, "text": frame.data}), flush=True)
            await sink.send_str(frame.data)
        else:
            break


def _app(upstream: str, started: float, sockets: list) -> web.Application:
    async def relay(request: web.Request) -> web.WebSocketResponse:
        headers = {"Authorization": request.headers.get("Authorization", "")}
        print(json.dumps({"dir": "W->S", "upgrade": str(request.rel_url), "headers": dict(request.headers)}), flush=True)
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(upstream + str(request.rel_url), headers=headers) as server_ws:
                worker_ws = web.WebSocketResponse()
                await worker_ws.prepare(request)
                sockets.append(worker_ws)
                await asyncio.wait(
                    [
                        asyncio.ensure_future(_pump(worker_ws, server_ws, "W->S", agent.WorkerMessage.FromString, started)),
                        asyncio.ensure_future(_pump(server_ws, worker_ws, "S->W", agent.ServerMessage.FromString, started)),
                    ],
                    return_when=asyncio.FIRST_COMPLETED,
                )
                print(json.dumps({"dir": "--", "closed": worker_ws.close_code}), flush=True)
                await worker_ws.close()
                return worker_ws

    app = web.Application()
    app.router.add_get("/agent", relay)
    return app


async def _main(upstream: str, port: int) -> None:
    started = time.monotonic()
    sockets: list = []
    runner = web.AppRunner(_app(upstream, started, sockets))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    print(json.dumps({"relay": f"ws://127.0.0.1:{port}", "upstream": upstream}), flush=True)
    loop = asyncio.get_running_loop()
    while True:
        command = await loop.run_in_executor(None, sys.stdin.readline)
        if not command:
            await asyncio.Event().wait()
        if command.strip() == "close" and sockets:
            await sockets[-1].close(code=1011, message=b"closed by capture relay")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--upstream", required=True, help="the simulator's LIVEKIT_URL, e.g. ws://127.0.0.1:7880")
    parser.add_argument("--port", type=int, required=True, help="port the relay listens on (127.0.0.1)")
    args = parser.parse_args()
    asyncio.run(_main(args.upstream, args.port))
