#!/usr/bin/env bash
# Installs, from Debian packages, whatever the tests need beyond the .NET SDK. Idempotent and quiet when all is there.
set -euo pipefail

need=()
# PostgreSQL and Redis for the shared stores; Chromium for the web console's browser tests (Playwright drives it).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)

if [ "${#need[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

command -v dotnet >/dev/null || { echo "caduceus: the .NET SDK (dotnet) is not installed" >&2; exit 1; }
