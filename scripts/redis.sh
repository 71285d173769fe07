#!/usr/bin/env bash
# Starts (or stops) the loopback Redis server the tests use: 127.0.0.1:56379, no persistence. "start" does nothing
# when a server already answers there. Prints the address to export as CADUCEUS_TEST_REDIS.
set -euo pipefail

port="${CADUCEUS_REDIS_PORT:-56379}"
run="${TMPDIR:-/tmp}/caduceus-redis-$port"

case "${1:-}" in
  start)
    if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
      echo "127.0.0.1:$port"
      exit 0
    fi
    mkdir -p "$run"
    redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
      --pidfile "$run/redis.pid" --logfile "$run/redis.log" --dir "$run"
    for _ in $(seq 50); do
      if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
        echo "127.0.0.1:$port"
        exit 0
      fi
      sleep 0.1
    done
    echo "caduceus: Redis did not start on 127.0.0.1:$port (see $run/redis.log)" >&2
    exit 1
    ;;
  stop)
    if [ -f "$run/redis.pid" ]; then
      kill "$(cat "$run/redis.pid")" 2>/dev/null || true
      rm -f "$run/redis.pid"
    fi
    ;;
  *)
    echo "usage: scripts/redis.sh start|stop" >&2
    exit 2
    ;;
esac
