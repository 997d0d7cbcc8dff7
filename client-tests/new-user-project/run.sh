#!/usr/bin/env bash
# Builds and tests the new-user project against the simulator installed in ~/.m2, as a new user would.
# First, from the repository root:   mvn -B -q -o install -DskipTests
# Then:                              client-tests/new-user-project/run.sh
# Drop -o (MVN_OFFLINE=) when the machine has never resolved the dependencies.
set -euo pipefail
cd "$(dirname "$0")"
if ! ls "${HOME}/.m2/repository/dev/dispatchsim/dispatchsim-junit5/0.1.0-SNAPSHOT/"dispatchsim-junit5-0.1.0-SNAPSHOT.jar >/dev/null 2>&1; then
  echo "dispatchsim-junit5 0.1.0-SNAPSHOT is not installed; run 'mvn -B -q -o install -DskipTests' at the repository root first" >&2
  exit 2
fi
exec mvn -B ${MVN_OFFLINE--o} test
