#!/usr/bin/env bash
# Runs the real-client suites against a simulator jar that is already built:
#   client-tests/node    livekit-server-sdk + a real @livekit/agents worker   (node --test)
#   client-tests/python  livekit-api + a real livekit-agents worker            (pytest)
# Their container tests (node/test/container.test.mjs, python/tests/test_container.py) run the Docker
# image DISPATCHSIM_IMAGE names, which `mvn install` builds before it runs this (client-tests/docker/);
# without DISPATCHSIM_IMAGE, or with DISPATCHSIM_SKIP_DOCKER=true (-DskipDocker), they skip.
#
# Usage: client-tests/run-real-clients.sh path/to/dispatchsim-standalone.jar
#
# Builds nothing: installs the clients (npm ci from the lockfile; .venv from requirements.txt,
# rebuilt only when that file changes), runs both suites even if the first fails, prints their
# summaries, checks that no process of this run is left, and exits non-zero if anything failed.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 path/to/dispatchsim-standalone.jar" >&2
  exit 2
fi
jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if [[ ! -f "$jar" ]]; then
  echo "run-real-clients: no jar at $1; build it first: mvn -B -pl simulator/dispatchsim -am package -DskipTests" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for tool in java node npm python3; do
  command -v "$tool" >/dev/null || { echo "run-real-clients: $tool is required but not installed" >&2; exit 2; }
done
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' \
  || { echo "run-real-clients: python3 >= 3.10 is required (livekit-agents), found $(python3 -V)" >&2; exit 2; }

export DISPATCHSIM_JAR="$jar"
# Every process the suites start carries this id in its marker, so leftovers can be found below.
export DISPATCHSIM_RUN_ID="run-$$-$(date +%s)"
# The workers must reach the simulator on loopback directly: an explicit proxy ignores NO_PROXY.
unset HTTP_PROXY HTTPS_PROXY ALL_PROXY http_proxy https_proxy all_proxy

[[ "${DISPATCHSIM_SKIP_DOCKER:-false}" != true ]] || unset DISPATCHSIM_IMAGE
if [[ -n "${DISPATCHSIM_IMAGE:-}" ]]; then
  docker image inspect "$DISPATCHSIM_IMAGE" >/dev/null 2>&1 || {
    echo "run-real-clients: no Docker image $DISPATCHSIM_IMAGE to test: build it (client-tests/docker/build-image.sh TAG)," \
         "or unset DISPATCHSIM_IMAGE (mvn: -DskipDocker)" >&2
    exit 2
  }
  # Testcontainers offline: no Ryuk (its image would come from a registry), and the published ports are
  # reached where the tests publish them, on IPv4 loopback (docs/docker.md)
  export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 TESTCONTAINERS_CONNECTION_MODE=docker_host
  echo "== container tests use $DISPATCHSIM_IMAGE"
else
  echo "== no DISPATCHSIM_IMAGE: the container tests skip"
fi

echo "== installing the Node clients (npm ci)"
(cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error)

echo "== installing the Python clients (client-tests/python/.venv)"
venv="$here/python/.venv"
wanted="$(sha256sum "$here/python/requirements.txt" | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/python" || "$(cat "$venv/.requirements.sha256" 2>/dev/null)" != "$wanted" ]]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/python/requirements.txt"
  echo "$wanted" > "$venv/.requirements.sha256"
else
  echo "up to date"
fi

set +e
echo "== Node suite (node --test)"
(cd "$here/node" && timeout --kill-after=15 480 node --test --test-concurrency=1 test/)
node_status=$?
echo "== Python suite (pytest)"
(cd "$here/python" && timeout --kill-after=15 480 "$venv/bin/python" -m pytest)
py_status=$?  # 5 = no test collected: a failure here, not a pass
set -e

status=0
echo "== real clients: node --test exit $node_status, pytest exit $py_status"
[[ $node_status -eq 0 && $py_status -eq 0 ]] || status=1
left="$(grep -las "DISPATCHSIM_TEST_MARKER=dispatchsim-ct-${DISPATCHSIM_RUN_ID}-" /proc/[0-9]*/environ || true)"
if [[ -n "$left" ]]; then
  echo "run-real-clients: processes left behind by this run (now killed):" >&2
  for f in $left; do
    pid="${f#/proc/}"; pid="${pid%/environ}"
    ps -o pid=,pgid=,cmd= -p "$pid" >&2 || true
    kill -KILL "$pid" 2>/dev/null || true
  done
  status=1
else
  echo "== no process of this run is left"
fi
if [[ -n "${DISPATCHSIM_IMAGE:-}" ]]; then
  "$here/docker/leftovers.sh" "$DISPATCHSIM_IMAGE" || status=1
fi
exit $status
