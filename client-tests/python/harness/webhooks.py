"""The app's webhook endpoint in the test process: it keeps every POST exactly as it came (body
as text, headers) and answers 200, so a test can hand each one to the SDK's receiver."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .wait import wait_for


@dataclass(frozen=True)
class WebhookRequest:
    body: str
    authorization: str
    content_type: str
    user_agent: str

    @property
    def json(self) -> dict:
        return json.loads(self.body)


class WebhookEndpoint:
    def __init__(self) -> None:
        self.requests: list[WebhookRequest] = []
        self._lock = threading.Lock()
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
                with endpoint._lock:
                    endpoint.requests.append(WebhookRequest(body, self.headers.get("Authorization", ""),
                                                            self.headers.get("Content-Type", ""),
                                                            self.headers.get("User-Agent", "")))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args) -> None:
                pass  # the tests report what matters

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="webhook-endpoint", daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/livekit/webhook"

    def received(self) -> list[WebhookRequest]:
        with self._lock:
            return list(self.requests)

    def wait_for(self, what: str, predicate, timeout: float) -> WebhookRequest:
        """The first request matching `predicate`; raises WaitTimeout after `timeout` seconds."""
        return wait_for(what, lambda: next((r for r in self.received() if predicate(r.json)), None), timeout=timeout,
                        last_seen=lambda: [(r.json["event"], r.json.get("participant", {}).get("identity", ""))
                                           for r in self.received()])

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
