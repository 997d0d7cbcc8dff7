"""One simulator (+ backend stub, + optionally one real worker) per test module, reused by its
tests, torn down whatever the tests did, and checked to leave no process behind.

A module sets PROFILE (a bundled fault profile) and WITH_WORKER (default True)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from harness.backend import Backend
from harness.paths import log_dir
from harness.procs import new_marker, processes_with_marker
from harness.simulator import Simulator, Unsupported, start_simulator
from harness.worker import PythonWorker, start_python_worker

SEED = 42


@dataclass
class Env:
    name: str
    dir: Path
    marker: str
    sim: Simulator | None = None
    backend: Backend | None = None
    worker: PythonWorker | None = None
    skip_reason: str | None = None

    def require(self, admin: bool = False) -> None:
        """Skips the calling test, saying why, when the jar lacks what it needs."""
        if self.skip_reason:
            pytest.skip(self.skip_reason)
        if admin:
            reason = self.sim.admin.unavailable_reason()
            if reason:
                pytest.skip(reason)


@pytest.fixture(scope="module")
def env(request) -> Env:
    name = request.module.__name__.rsplit(".", 1)[-1]
    ctx = Env(name, log_dir(name), new_marker(name))
    try:
        try:
            ctx.sim = start_simulator(seed=SEED, profile=getattr(request.module, "PROFILE", None),
                                      log_file=ctx.dir / "simulator.log", marker=ctx.marker)
        except Unsupported as unsupported:
            ctx.skip_reason = str(unsupported)
        else:
            ctx.backend = Backend()
            if getattr(request.module, "WITH_WORKER", True):
                ctx.worker = start_python_worker(sim=ctx.sim, backend_url=ctx.backend.url,
                                                 log_file=ctx.dir / "worker.log", marker=ctx.marker)
        yield ctx
    finally:
        try:
            if ctx.worker:
                ctx.worker.stop()
        finally:
            if ctx.sim:
                ctx.sim.stop()
            if ctx.backend:
                ctx.backend.close()
        assert processes_with_marker(ctx.marker) == [], "processes left behind by this test module"
