"""The simulator's admin API under /_sim (journal = ground truth, state, worker kill, reset, simulated
participants, webhook URLs).
Scenarios that need it skip themselves, saying why, when the jar does not serve it yet."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import quote, urlencode


def journal_entry(line: str) -> dict:
    """Flattens one journal line, whether the event's fields sit at the top or under `event`."""
    raw = json.loads(line)
    event = raw.get("event") if isinstance(raw.get("event"), dict) else {}
    return {**raw, **event, "type": raw.get("type") or event.get("type"), "seq": raw.get("seq")}


class Admin:
    def __init__(self, http_url: str, token: str | None = None):
        """`token`: the simulator's admin token (--admin-token / DISPATCHSIM_ADMIN_TOKEN), when it has one."""
        self.base = f"{http_url}/_sim"
        self.headers = {"X-Admin-Token": token} if token else {}

    def _call(self, method: str, path: str, body: dict | None = None) -> tuple[int, str]:
        data = None if body is None else json.dumps(body).encode()
        headers = self.headers if body is None else {**self.headers, "Content-Type": "application/json"}
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def _text(self, method: str, path: str, body: dict | None = None) -> str:
        status, text = self._call(method, path, body)
        if not 200 <= status < 300:
            raise AssertionError(f"{method} /_sim{path} answered {status}: {text}")
        return text

    def unavailable_reason(self) -> str | None:
        """Why the admin API cannot be used, or None when GET /_sim/health answers 2xx."""
        status, _ = self._call("GET", "/health")
        return None if 200 <= status < 300 else \
            f"GET /_sim/health answered {status}: this simulator jar has no admin API yet"

    def journal(self, since: int | None = None, type: str | None = None) -> list[dict]:
        query = {k: v for k, v in (("since", since), ("type", type)) if v is not None}
        text = self._text("GET", f"/journal?{urlencode(query)}")
        return [journal_entry(line) for line in text.splitlines() if line.strip()]

    def state(self) -> dict:
        return json.loads(self._text("GET", "/state"))

    def kill_worker(self, worker_id: str, code: int = 1011) -> None:
        """Closes a worker's socket from the server side with a WebSocket close code."""
        self._text("DELETE", f"/workers/{quote(worker_id)}?code={code}")

    def reset(self) -> None:
        self._text("POST", "/reset")

    def add_webhook(self, url: str) -> list[str]:
        """Sends webhooks to `url` too (POST /_sim/webhooks); returns the URLs in force."""
        return json.loads(self._text("POST", "/webhooks", {"url": url}))["urls"]

    def add_participant(self, room: str, identity: str) -> None:
        """A simulated human joins `room` (created if needed)."""
        self._text("POST", f"/rooms/{quote(room)}/participants/{quote(identity)}", {})

    def publish_track(self, room: str, identity: str) -> None:
        self._text("POST", f"/rooms/{quote(room)}/participants/{quote(identity)}/tracks",
                   {"name": "mic", "type": "AUDIO", "source": "MICROPHONE"})

    def remove_participant(self, room: str, identity: str) -> None:
        self._text("DELETE", f"/rooms/{quote(room)}/participants/{quote(identity)}")
