"""Where things are: the jar under test, the agent, the venv's python, the run's log directory."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

PYTHON_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = PYTHON_DIR.parent.parent
AGENT_FILE = PYTHON_DIR / "agent.py"
# The interpreter running the tests is the venv's, which has livekit-agents installed.
PYTHON = sys.executable

# The standalone jar: $DISPATCHSIM_JAR, else the one `mvn package` leaves in simulator/target.
JAR = Path(os.environ["DISPATCHSIM_JAR"]).resolve() if os.environ.get("DISPATCHSIM_JAR") \
    else REPO_DIR / "simulator" / "target" / "dispatchsim-standalone.jar"


def log_dir(name: str) -> Path:
    """One fresh directory per test module; its logs stay after the run, to be read when a test failed."""
    path = REPO_DIR / "client-tests" / "target" / "logs" / "python" / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path
