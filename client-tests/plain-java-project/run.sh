#!/usr/bin/env bash
# Builds the plain project against the simulator installed in ~/.m2 and runs its main.
# First, from the repository root:   mvn -B -q -o install -DskipTests
# Then:                              client-tests/plain-java-project/run.sh
# Drop -o (MVN_OFFLINE=) when the machine has never resolved the dependencies.
# Fails when the main fails, when its CreateRoom did not succeed, or when SLF4J or Javalin printed their
# missing-logger banners (the project has no logging library, and the simulator keeps quiet about it).
set -euo pipefail
cd "$(dirname "$0")"
if ! ls "${HOME}/.m2/repository/dev/dispatchsim/dispatchsim/0.1.0-SNAPSHOT/"dispatchsim-0.1.0-SNAPSHOT.jar >/dev/null 2>&1; then
  echo "dispatchsim 0.1.0-SNAPSHOT is not installed; run 'mvn -B -q -o install -DskipTests' at the repository root first" >&2
  exit 2
fi
output="$(mktemp)"
trap 'rm -f "$output"' EXIT
mvn -B ${MVN_OFFLINE--o} -q compile exec:exec 2>&1 | tee "$output"
grep -q "plain-app: CreateRoom answered 200" "$output" || { echo "plain-app: no successful CreateRoom in the output" >&2; exit 1; }
if grep -q -e "SLF4J" -e "have a logger" "$output"; then
  echo "plain-app: SLF4J or Javalin printed a missing-logger banner; the simulator should keep it quiet" >&2
  exit 1
fi
