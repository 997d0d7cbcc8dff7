"""Process-group hygiene. Agent workers fork job processes (and a forkserver) that outlive a dead
worker, so every spawned program gets its own process group (start_new_session), is stopped by
signalling the whole group, and the run checks that nothing carrying its marker is left."""

from __future__ import annotations

import os
import signal
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

from .wait import wait_for

MARKER_VAR = "DISPATCHSIM_TEST_MARKER"


def new_marker(label: str) -> str:
    """run-real-clients.sh puts its run id in every marker, to find leftovers of the whole run."""
    return f"dispatchsim-ct-{os.environ.get('DISPATCHSIM_RUN_ID', 'adhoc')}-{label}-{uuid.uuid4()}"


@dataclass
class Group:
    process: subprocess.Popen
    marker: str
    log_file: Path

    @property
    def pgid(self) -> int:
        return self.process.pid

    def is_running(self) -> bool:
        return self.process.poll() is None


def spawn_group(args: list[str], *, env: dict[str, str], log_file: Path, marker: str, cwd: Path | None = None) -> Group:
    """Starts args as the leader of a new process group, output to log_file. `marker` must be unique
    to this group: stopping the group waits until no process carries it."""
    with open(log_file, "wb") as log:
        process = subprocess.Popen(args, env={**env, MARKER_VAR: marker}, cwd=cwd, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return Group(process, marker, log_file)


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


def stop_group(group: Group, grace: float = 5.0) -> None:
    """Asks the leader to stop (one SIGTERM: a second one makes livekit-agents os._exit and orphan its
    children), gives it `grace` seconds, then SIGKILLs the whole group whatever happened, and waits
    until no live process is left in the group or carries the marker."""
    if group.is_running():
        group.process.send_signal(signal.SIGTERM)
        try:
            group.process.wait(grace)
        except subprocess.TimeoutExpired:
            pass
    _signal_group(group.pgid, signal.SIGKILL)
    group.process.wait()

    # A killed process loses its environment before it turns zombie, so the group id is watched too.
    def left() -> list[dict]:
        return processes_with_marker(group.marker) + processes_in_group(group.pgid)

    wait_for(f"no process left in group {group.pgid} or with marker {group.marker}",
             lambda: not left(), timeout=10, last_seen=left)


def _read(pid: str, name: str) -> bytes:
    try:
        return Path(f"/proc/{pid}/{name}").read_bytes()
    except OSError:
        return b""  # gone meanwhile, or not ours to read


def _stat(pid: str) -> tuple[str, int] | None:
    stat = _read(pid, "stat").decode("latin1")
    if not stat:
        return None
    fields = stat[stat.rindex(")") + 2:].split(" ")
    return fields[0], int(fields[2])


def _live(belongs) -> list[dict]:
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        stat = _stat(pid)
        if stat and stat[0] not in ("Z", "X") and belongs(pid, stat[1]):
            found.append({"pid": int(pid), "cmdline": _read(pid, "cmdline").replace(b"\0", b" ").decode("latin1").strip()})
    return found


def processes_with_marker(marker: str) -> list[dict]:
    """Live (non-zombie) processes whose environment or command line contains marker."""
    needle = marker.encode()
    return _live(lambda pid, _: needle in _read(pid, "cmdline") or needle in _read(pid, "environ"))


def processes_in_group(pgid: int) -> list[dict]:
    return _live(lambda _, group: group == pgid)


def is_alive(pid: int) -> bool:
    stat = _stat(str(pid))
    return stat is not None and stat[0] not in ("Z", "X")
