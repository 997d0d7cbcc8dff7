"""The app's backend, as far as the tests need it: it records what agents tell it
(POST /agent-events) and lets a test wait for a given event."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .wait import WaitTimeout, wait_for


class Backend:
    def __init__(self) -> None:
        self.events: list[dict] = []
        self._lock = threading.Lock()
        backend = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path != "/agent-events":
                    self.send_error(404)
                    return
                with backend._lock:
                    backend.events.append({**json.loads(body), "receivedAt": time.monotonic()})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *_args) -> None:
                pass  # the tests report what matters

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="backend-stub", daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def events_for(self, room: str, event: str | None = None) -> list[dict]:
        with self._lock:
            return [e for e in self.events if e["room"] == room and (event is None or e["event"] == event)]

    def clear(self) -> None:
        with self._lock:
            self.events.clear()

    def wait_for(self, event: str, room: str, timeout: float) -> dict:
        """The first `event` from the agent in `room`; raises WaitTimeout after `timeout` seconds."""
        return wait_for(f'"{event}" from the agent in room {room}', lambda: next(iter(self.events_for(room, event)), None),
                        timeout=timeout, last_seen=lambda: [(e["event"], e["room"]) for e in self.events])

    def poll(self, event: str, room: str, timeout: float) -> dict | None:
        """The first `event` from the agent in `room`, or None if it did not come within `timeout`."""
        try:
            return self.wait_for(event, room, timeout)
        except WaitTimeout:
            return None

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
