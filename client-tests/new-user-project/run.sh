#!/usr/bin/env bash
# Builds and tests the new-user project against the simulator installed in ~/.m2, as a new user would.
# First, from the repository root:   mvn -B -q -o install -DskipTests
# Then:                              client-tests/new-user-project/run.sh
# Drop -o (MVN_OFFLINE=) when the machine has never resolved the dependencies.
# Fails when a test fails, or when SLF4J or Javalin printed a missing-logger banner in the tests' output (the
# project has no logging library, and the simulator keeps quiet about it).
set -euo pipefail
cd "$(dirname "$0")"
if ! ls "${HOME}/.m2/repository/dev/dispatchsim/dispatchsim-junit5/0.1.0-SNAPSHOT/"dispatchsim-junit5-0.1.0-SNAPSHOT.jar >/dev/null 2>&1; then
  echo "dispatchsim-junit5 0.1.0-SNAPSHOT is not installed; run 'mvn -B -q -o install -DskipTests' at the repository root first" >&2
  exit 2
fi
output="$(mktemp)"
trap 'rm -f "$output"' EXIT
mvn -B ${MVN_OFFLINE--o} test 2>&1 | tee "$output"
if grep -q -e "SLF4J" -e "have a logger" "$output"; then
  echo "new-user project: SLF4J or Javalin printed a missing-logger banner in the tests' output; the simulator should keep it quiet" >&2
  exit 1
fi
