"""Waiting by observation: poll until a probe yields a value, or fail with what was last seen."""

from __future__ import annotations

import time
from typing import Callable, TypeVar

T = TypeVar("T")


class WaitTimeout(AssertionError):
    pass


def wait_for(what: str, probe: Callable[[], T], timeout: float, interval: float = 0.025,
             last_seen: Callable[[], object] | None = None) -> T:
    """Returns the first truthy value of probe(); after `timeout` seconds raises WaitTimeout saying
    what was expected and what was last seen."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() >= deadline:
            seen = f"; last seen: {last_seen()}" if last_seen else ""
            raise WaitTimeout(f"timed out after {timeout} s waiting for {what}{seen}")
        time.sleep(interval)
