#!/usr/bin/env bash
# Checks that the tests left no container of IMAGE behind, and removes any they did.
# A container still there after its tests (a test process killed before its cleanup ran, say) is a
# failure to fix: exit 1, listing them. Without Ryuk (see docs/docker.md), nothing else would remove them.
#
# Usage: leftovers.sh IMAGE
set -euo pipefail

IMAGE=${1:?usage: leftovers.sh IMAGE}
ids=$(docker ps -aq --filter "ancestor=$IMAGE")
if [[ -z "$ids" ]]; then
  echo "leftovers: no container of $IMAGE is left"
  exit 0
fi
echo "leftovers: containers of $IMAGE left behind by the tests (now removed):" >&2
docker ps -a --filter "ancestor=$IMAGE" --format '  {{.ID}} {{.Status}} {{.Names}} {{.Labels}}' >&2
docker rm -f $ids >/dev/null
exit 1
