#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server for the tests: 127.0.0.1:55432, trust authentication, data in a
# temporary directory. No systemd needed; initdb runs as the postgres user because it refuses root.
# Usage: scripts/postgres.sh start|stop. The tests find it through CADUCEUS_TEST_POSTGRES.
set -euo pipefail

port=55432
data="${CADUCEUS_POSTGRES_DIR:-${TMPDIR:-/tmp}/caduceus-postgres}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "caduceus: PostgreSQL is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if as_postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      exit 0
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
      mkdir -p "$data"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
      chmod 700 "$data"
      as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    # The port lies in Linux's ephemeral range, so a client connection that just closed can hold it in TIME-WAIT
    # for up to a minute ("Address already in use"): retry instead of failing the run.
    for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do
      if as_postgres "$bin/pg_ctl" -D "$data" -l "$data/postgres.log" -w \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null; then
        exit 0
      fi
      echo "postgres.sh: PostgreSQL did not start (attempt $attempt; log: $data/postgres.log); retrying in 10 s" >&2
      sleep 10
    done
    echo "postgres.sh: PostgreSQL did not start on 127.0.0.1:$port; see $data/postgres.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$data/postmaster.pid" ]; then
      as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
