#!/usr/bin/env bash
# Stop the broker that start.sh started (and only that one: the pid file in KAFKA_DATA_DIR), waiting
# for a clean shutdown.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
[ -f "$KAFKA_PID_FILE" ] || { echo "kafka: no broker started from here"; exit 0; }
pid=$(cat "$KAFKA_PID_FILE")
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  echo "kafka: broker stopped"
fi
rm -f "$KAFKA_PID_FILE"
