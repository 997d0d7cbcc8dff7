#!/usr/bin/env bash
# Builds the Docker image from the repository's Dockerfile and the jar this same build packaged, then
# checks that it runs as documented: `docker run -p 127.0.0.1:...:7880 <image>` turns `healthy` by the
# image's own HEALTHCHECK, and `docker stop` ends it cleanly. The container tests (the
# dispatchsim-testcontainers module, the Node and Python examples) then run against TAG.
#
# Usage: build-image.sh TAG
#
# The daemon: ensure-daemon.sh (uses the one there, else installs and starts one). The base image, first
# that applies: $DISPATCHSIM_BASE_IMAGE; the Dockerfile's default (a pinned public JRE) when this daemon
# already has it; the JRE base made from Debian packages (jre-base.sh) when this daemon has it; the
# Dockerfile's default pulled from its registry; else that Debian base, made now (once: it is reused by
# its tag). Images this script built more than 3 hours ago are removed, unless a container uses them.
# Every container it starts is removed when it exits, also on failure.
set -euo pipefail

TAG=${1:?usage: build-image.sh TAG}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
LOCAL_BASE=dispatchsim/jre-base:17-bookworm
BUILT_LABEL=dev.dispatchsim.built-by=build-image.sh   # marks the images this script may prune
RUN_LABEL=dev.dispatchsim.build-image-run=$$-$RANDOM  # marks the containers this run must remove
started=$SECONDS
say() { echo "build-image: [$((SECONDS - started))s] $*" >&2; }
fail() { echo "build-image: $*" >&2; exit 1; }

remove_containers() {
  local ids
  ids=$(docker ps -aq --filter "label=$RUN_LABEL" 2>/dev/null || true)
  [[ -z "$ids" ]] || docker rm -f $ids >/dev/null 2>&1 || true
}
trap remove_containers EXIT

jar="$ROOT/$(awk '$1 == "COPY" { print $2; exit }' "$ROOT/Dockerfile")"
[[ -f "$jar" ]] || fail "no $jar to put in the image: package it first (mvn -B -pl simulator/dispatchsim -am package -DskipTests)"

"$HERE/ensure-daemon.sh"
say "docker: $(docker version --format 'client {{.Client.Version}}, server {{.Server.Version}}') ($(docker info --format '{{.Driver}}'))"

has_image() { docker image inspect "$1" >/dev/null 2>&1; }
default_base=$(awk -F= '$1 == "ARG BASE_IMAGE" { print $2; exit }' "$ROOT/Dockerfile")
[[ -n "$default_base" ]] || fail "the Dockerfile declares no 'ARG BASE_IMAGE=<default>'"
if [[ -n "${DISPATCHSIM_BASE_IMAGE:-}" ]]; then
  base=$DISPATCHSIM_BASE_IMAGE
elif has_image "$default_base"; then
  base=$default_base
elif has_image "$LOCAL_BASE"; then
  base=$LOCAL_BASE   # made here before, because the default could not be pulled: do not ask the registry again
elif timeout 120 docker pull -q "$default_base" >/dev/null 2>&1; then
  base=$default_base
else
  say "$default_base cannot be pulled here: making $LOCAL_BASE from Debian packages (once)"
  "$HERE/jre-base.sh" "$LOCAL_BASE"
  base=$LOCAL_BASE
fi
say "base image: $base"

docker image prune -af --filter "label=$BUILT_LABEL" --filter until=3h >/dev/null 2>&1 || true

# BuildKit needs the buildx plugin with today's docker CLI; without it, the classic builder
docker buildx version >/dev/null 2>&1 || export DOCKER_BUILDKIT=0
build_log=$(mktemp)
if ! docker build --build-arg BASE_IMAGE="$base" --label "$BUILT_LABEL" -t "$TAG" "$ROOT" >"$build_log" 2>&1; then
  tail -n 40 "$build_log" >&2
  rm -f "$build_log"
  fail "docker build failed (the last lines are above)"
fi
rm -f "$build_log"
say "built $TAG: $(docker image inspect -f '{{.Size}}' "$TAG" | awk '{ printf "%.0f MB", $1 / 1000000 }')"

# As documented: the port published on loopback only, the admin token by env (the health check reads it).
container=$(docker run -d --label "$RUN_LABEL" -p 127.0.0.1::7880 -e DISPATCHSIM_ADMIN_TOKEN=build-image-check "$TAG")
deadline=$((SECONDS + 120))
while :; do
  state=$(docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$container")
  [[ "$state" == "running healthy" ]] && break
  if [[ "$state" != "running starting" ]] || ((SECONDS >= deadline)); then
    docker logs "$container" 2>&1 | tail -n 30 >&2
    fail "the container from $TAG is '$state', not 'running healthy' (its log is above)"
  fi
  sleep 0.5
done
say "container healthy, published at $(docker port "$container" 7880/tcp)"
docker stop -t 20 "$container" >/dev/null
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$container")
if [[ "$exit_code" != 0 && "$exit_code" != 143 ]] || ! docker logs "$container" 2>&1 | grep -q '^dispatchsim stopped$'; then
  docker logs "$container" 2>&1 | tail -n 30 >&2
  fail "docker stop: the container exited with $exit_code without 'dispatchsim stopped' (its log is above)"
fi
say "docker stop: exit $exit_code, stopped cleanly; image $TAG is ready"
