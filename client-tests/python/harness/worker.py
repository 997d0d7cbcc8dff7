"""A real livekit-agents worker (agent.py) in its own process group with its own health port."""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from .paths import AGENT_FILE, PYTHON, PYTHON_DIR
from .procs import Group, spawn_group, stop_group
from .simulator import API_KEY, API_SECRET, Simulator
from .wait import wait_for

# Env the worker must not inherit: an explicit proxy ignores NO_PROXY (loopback would go through
# it), a pre-signed token would replace the key/secret, the others switch on Cloud behaviour.
_UNSET = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy", "LIVEKIT_TOKEN",
          "LIVEKIT_WORKER_TOKEN", "LIVEKIT_AGENT_NAME_OVERRIDE", "LIVEKIT_OBSERVABILITY_URL")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PythonWorker:
    group: Group

    def registrations(self) -> list[str]:
        """Worker ids from the worker's JSON log, one per "registered worker" line, in order."""
        ids = []
        for line in self.group.log_file.read_text(errors="replace").splitlines():
            if '"registered worker"' in line:
                try:
                    ids.append(json.loads(line)["id"])
                except (ValueError, KeyError):
                    continue
        return ids

    def wait_registered(self, after: int = 0, timeout: float = 60) -> str:
        """The id of registration number `after + 1` (0: the first), once it is logged. The health
        endpoint says OK before the worker registers, so the log is the readiness signal."""
        def probe():
            if not self.group.is_running():
                raise AssertionError(f"the worker exited:\n{self.group.log_file.read_text(errors='replace')[-3000:]}")
            ids = self.registrations()
            return ids[after] if len(ids) > after else None

        return wait_for("the Python worker to register", probe, timeout=timeout, interval=0.1,
                        last_seen=lambda: self.group.log_file.read_text(errors="replace")[-1500:])

    def stop(self) -> None:
        stop_group(self.group)


def start_python_worker(*, sim: Simulator, backend_url: str, log_file: Path, marker: str) -> PythonWorker:
    """Starts `python -m livekit.agents start agent.py` (production mode: JSON logs; agent.py sets a
    short drain, no CPU load and a free health port) and waits until it has registered."""
    env = {k: v for k, v in os.environ.items() if k not in _UNSET}
    env.update(LIVEKIT_URL=sim.ws_url, LIVEKIT_API_KEY=API_KEY, LIVEKIT_API_SECRET=API_SECRET, BACKEND_URL=backend_url,
               AGENT_HEALTH_PORT=str(free_port()), PYTHONUNBUFFERED="1")
    group = spawn_group([PYTHON, "-m", "livekit.agents", "start", str(AGENT_FILE), "--log-level", "INFO"],
                        env=env, log_file=log_file, marker=f"{marker}-worker", cwd=PYTHON_DIR)
    worker = PythonWorker(group)
    try:
        worker.wait_registered()
    except BaseException:
        worker.stop()
        raise
    return worker
