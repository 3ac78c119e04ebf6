#!/usr/bin/env bash
# For tests and CI: make sure the machine's PostgreSQL answers on 127.0.0.1:5432, starting the
# Debian/Ubuntu cluster when it is installed but stopped. Says what it did; fails with the reason.
set -euo pipefail
HOST=127.0.0.1
PORT=5432
WAIT_SECONDS=${PG_ENSURE_TIMEOUT:-30}

fail() { echo "postgres: $*" >&2; exit 1; }

command -v pg_isready >/dev/null ||
  fail "pg_isready is not installed; install the PostgreSQL client tools, or point DATABASE_URL at a server"
if pg_isready -q -h "$HOST" -p "$PORT"; then
  echo "postgres: already accepting connections on $HOST:$PORT"
  exit 0
fi

command -v pg_ctlcluster >/dev/null ||
  fail "nothing accepts connections on $HOST:$PORT and pg_ctlcluster is not available to start one; start PostgreSQL yourself or point DATABASE_URL at a server"
version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
[ -n "$version" ] && [ -d "/etc/postgresql/$version/main" ] ||
  fail "nothing accepts connections on $HOST:$PORT and there is no cluster in /etc/postgresql/<version>/main to start"

if pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  echo "postgres: cluster $version/main is running but not accepting connections yet; waiting"
else
  echo "postgres: starting cluster $version/main (pg_ctlcluster --skip-systemctl-redirect $version main start)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
    fail "pg_ctlcluster could not start cluster $version/main; see /var/log/postgresql/postgresql-$version-main.log"
fi

for _ in $(seq 1 $((WAIT_SECONDS * 2))); do
  if pg_isready -q -h "$HOST" -p "$PORT"; then
    echo "postgres: cluster $version/main accepts connections on $HOST:$PORT"
    exit 0
  fi
  sleep 0.5
done
fail "cluster $version/main did not accept connections on $HOST:$PORT within ${WAIT_SECONDS}s (is it configured for port $PORT? see /var/log/postgresql/postgresql-$version-main.log)"
