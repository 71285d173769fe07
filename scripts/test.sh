#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs and starts what the tests need, builds once, runs every
# test project, and ends with one plain line "N passed, N failed". Exits non-zero on any failure or when no test ran.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
CADUCEUS_TEST_REDIS="$(scripts/redis.sh start)"
export CADUCEUS_TEST_REDIS

log="$(mktemp)"
trap 'rm -f "$log"; scripts/postgres.sh stop || true' EXIT
scripts/postgres.sh start
export CADUCEUS_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres"

dotnet build Caduceus.slnx -c Release -warnaserror -nologo -v quiet
set +e
dotnet test --solution Caduceus.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform prints one summary per run, the solution's totals last.
total=$(grep -E '^\s*total: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s*failed: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
passed=$(grep -E '^\s*succeeded: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)

echo "${passed} passed, ${failed} failed"
if [ "$total" -eq 0 ]; then
  echo "caduceus: no test ran" >&2
  exit 1
fi
exit "$status"
