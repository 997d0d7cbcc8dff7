"""The standalone simulator jar as a child process in its own group."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from .admin import Admin
from .paths import JAR
from .procs import Group, spawn_group, stop_group
from .wait import wait_for

API_KEY = "devkey"
# The Node agent SDK wants a secret of at least 32 characters; both suites use the same one.
API_SECRET = "dispatchsim-client-tests-secret-0001"
_LISTENING = re.compile(r"dispatchsim listening on (http://\S+) \(LIVEKIT_URL=(ws://\S+)\)")


class Unsupported(Exception):
    """The jar lacks a feature the scenario needs (e.g. --profile)."""


@dataclass
class Simulator:
    http_url: str
    ws_url: str
    seed: int
    profile: str | None
    group: Group

    @property
    def port(self) -> int:
        return urlparse(self.http_url).port

    @property
    def admin(self) -> Admin:
        return Admin(self.http_url)

    def stop(self) -> None:
        stop_group(self.group)


def start_simulator(*, seed: int, profile: str | None, log_file: Path, marker: str, port: int = 0) -> Simulator:
    """Starts java -jar dispatchsim-standalone.jar; port 0 picks a free one (read from the startup line)."""
    if not JAR.exists():
        raise FileNotFoundError(f"simulator jar not found at {JAR}: build it (mvn -B -pl simulator -am package "
                                "-DskipTests) or set DISPATCHSIM_JAR")
    args = ["java", "-Xmx512m", f"-Ddispatchsim.testMarker={marker}-sim", "-jar", str(JAR), "--port", str(port),
            "--seed", str(seed), "--keys", f"{API_KEY}:{API_SECRET}", "--bind", "127.0.0.1"]
    if profile:
        args += ["--profile", profile]
    group = spawn_group(args, env=dict(os.environ), log_file=log_file, marker=f"{marker}-sim")
    log = lambda: log_file.read_text(errors="replace")  # noqa: E731
    try:
        started = wait_for("the simulator to listen", lambda: _LISTENING.search(log()) or not group.is_running(),
                           timeout=30, last_seen=lambda: log()[-2000:])
    except BaseException:
        stop_group(group)
        raise
    if started is True:
        stop_group(group)
        output = log()
        if profile and "profile" in output and re.search(r"unknown option|unmatched argument", output, re.I):
            raise Unsupported(f"this simulator jar has no --profile flag yet ({JAR})")
        raise RuntimeError(f"simulator exited before listening:\n{output[-2000:]}")
    return Simulator(started.group(1), started.group(2), seed, profile, group)
