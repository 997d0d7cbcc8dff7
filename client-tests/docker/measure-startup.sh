#!/usr/bin/env bash
# A benchmark, not a test: how long from start to the first healthy answer (GET /_sim/health = 200,
# what Testcontainers waits for), for the image as built (the server JVM maps its AppCDS archive), the
# same image with the plain jar command (no archive), and the jar run on this machine. Prints each
# run and the median of each. docs/docker.md reports its numbers.
#
# Usage: measure-startup.sh IMAGE [RUNS]     (needs curl; the containers are removed, also on failure)
set -euo pipefail

IMAGE=${1:?usage: measure-startup.sh IMAGE [RUNS]}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR="$ROOT/simulator/dispatchsim/target/dispatchsim-standalone.jar"
LABEL=dev.dispatchsim.measure=$$
cleanup() {
  local ids
  ids=$(docker ps -aq --filter "label=$LABEL")
  [[ -z "$ids" ]] || docker rm -f $ids >/dev/null
  [[ -z "${host_pid:-}" ]] || kill "$host_pid" 2>/dev/null || true
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# Milliseconds until $1 (a URL) answers 200, polled every 10 ms, at most 60 s.
until_healthy() {
  local url=$1 started=$2
  for _ in $(seq 1 6000); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url") == 200 ]]; then
      echo $(($(now_ms) - started))
      return
    fi
    sleep 0.01
  done
  echo "never healthy: $url" >&2
  return 1
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

in_container() {
  local entrypoint=("$@") id port started
  if ((${#entrypoint[@]})); then
    id=$(docker create --label "$LABEL" -p 127.0.0.1::7880 --entrypoint "${entrypoint[0]}" "$IMAGE" "${entrypoint[@]:1}")
  else
    id=$(docker create --label "$LABEL" -p 127.0.0.1::7880 "$IMAGE")
  fi
  started=$(now_ms)
  docker start "$id" >/dev/null
  port=$(docker port "$id" 7880/tcp | head -n1 | sed 's/.*://')
  until_healthy "http://127.0.0.1:$port/_sim/health" "$started"
  docker rm -f "$id" >/dev/null
}

on_host() {
  local port started
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  started=$(now_ms)
  java -XX:+ExitOnOutOfMemoryError -jar "$JAR" --port "$port" --log-level warn >/dev/null 2>&1 &
  host_pid=$!
  until_healthy "http://127.0.0.1:$port/_sim/health" "$started"
  kill "$host_pid"
  wait "$host_pid" 2>/dev/null || true
  host_pid=
}

declare -A results
for ((run = 1; run <= RUNS; run++)); do
  results[cds]+="$(in_container) "
  results[plain]+="$(in_container java -XX:+ExitOnOutOfMemoryError -jar /app/dispatchsim.jar) "
  results[host]+="$(on_host) "
done
echo "start -> first healthy answer, ms ($RUNS runs; load average $(cut -d' ' -f1-3 /proc/loadavg))"
for what in cds plain host; do
  printf '%-6s median %5s   runs: %s\n' "$what" "$(tr ' ' '\n' <<<"${results[$what]}" | grep . | median)" "${results[$what]}"
done
echo "image size: $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{ printf "%.0f MB", $1 / 1000000 }')"
