#!/usr/bin/env bash
# Makes sure a Docker daemon answers `docker info`, for the image build and the container tests.
#
# Uses the daemon that is there. Where there is none and the machine allows it (root, apt-get), installs
# Debian's docker.io and starts dockerd itself (machines of this project have no systemd): with the
# overlay2 storage driver where the kernel and file system support it, else with vfs, which works
# everywhere but copies the whole image for every container (about 20 times slower here).
# A daemon started here keeps running, like a service, for the next steps and builds; its pid and log
# are in /run/dispatchsim-dockerd.pid and /var/log/dispatchsim-dockerd.log (.ci/run stops it again).
#
# Env: DISPATCHSIM_DOCKER_STORAGE_DRIVER=overlay2|vfs skips the choice.
# Exit 0 when a daemon answers; 1 with a message saying what is missing when none can be had.
set -euo pipefail

PID_FILE=/run/dispatchsim-dockerd.pid
LOG_FILE=/var/log/dispatchsim-dockerd.log
say() { echo "docker-daemon: $*" >&2; }
fail() { say "$*"; say "skip everything that needs Docker with -DskipDocker"; exit 1; }
answers() { docker info >/dev/null 2>&1; }

# Polls `docker info` until it answers, while the daemon `pid` lives, for at most `seconds`.
await_daemon() {
  local pid=$1 seconds=$2 deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    answers && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

if answers; then
  exit 0
fi
if ! command -v docker >/dev/null || ! command -v dockerd >/dev/null; then
  [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null \
    || fail "no Docker here: neither a daemon that answers 'docker info' nor dockerd, and installing Debian's docker.io needs root and apt-get"
  say "installing Debian's docker.io"
  # other builds may hold apt's lock (e.g. installing a browser): wait for it instead of failing
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq docker.io >/dev/null
fi
if [[ -S /var/run/docker.sock ]] && pgrep -x dockerd >/dev/null; then
  # a daemon is starting (or stuck): give it time rather than start a second one on the same socket
  pid=$(pgrep -x dockerd | head -n1)
  await_daemon "$pid" 60 && exit 0
  fail "dockerd (pid $pid) runs but does not answer 'docker info' within 60 s; see its log"
fi
[[ $(id -u) -eq 0 ]] || fail "no Docker daemon answers 'docker info', and starting dockerd needs root"

for driver in ${DISPATCHSIM_DOCKER_STORAGE_DRIVER:-overlay2 vfs}; do
  say "starting dockerd --storage-driver=$driver (log: $LOG_FILE)"
  # its own session and no inherited stdio, so it outlives this script and never holds Maven's pipes
  setsid dockerd --storage-driver="$driver" >>"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  if await_daemon "$pid" 60; then
    echo "$pid" >"$PID_FILE"
    say "dockerd $pid ready with $driver; stop it with: kill \$(cat $PID_FILE)"
    exit 0
  fi
  say "dockerd with $driver did not come up; last lines of its log:"
  tail -n 5 "$LOG_FILE" >&2 || true
  if kill "$pid" 2>/dev/null; then
    # a daemon that half started must be gone before the next one takes the socket
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
done
fail "dockerd did not start with any storage driver (${DISPATCHSIM_DOCKER_STORAGE_DRIVER:-overlay2 vfs}); see $LOG_FILE"
