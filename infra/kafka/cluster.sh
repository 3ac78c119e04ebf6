#!/usr/bin/env bash
# A three-node KRaft cluster on this machine: every node is broker and controller (the same jars, the same
# server.properties, started and stopped by start.sh and stop.sh), with replication factor 3 for the internal
# topics and as the brokers' default, and min.insync.replicas=2 (a write acknowledged by acks=all is on at
# least two nodes; one node may be down and nothing stops).
#
#   cluster.sh start        start the nodes not running yet, wait until all three are in the cluster's metadata
#   cluster.sh start <i>    (re)start node i (1..3), wait until it answers
#   cluster.sh stop [<i>]   stop every node (or node i) cleanly
#   cluster.sh kill <i>     SIGKILL node i (a crash: no controlled shutdown)
#   cluster.sh status       each node: pid and whether it answers
#   cluster.sh brokers      the bootstrap list (host:port,host:port,host:port) for KAFKA_BROKERS
#
# Node i listens on KAFKA_CLUSTER_PORT + 3(i-1) (PLAINTEXT), + 1 (CONTROLLER), + 2 (PARTNER): by default
# 9192-9194, 9195-9197, 9198-9200, so the single broker on 9092-9094 (`npm run kafka:start`) is never touched.
# Data, log and pid under KAFKA_CLUSTER_DIR/node-<i> (default .data/kafka-cluster); the cluster's id in
# KAFKA_CLUSTER_DIR/cluster.id. The apps need KAFKA_BROKERS=$(cluster.sh brokers) and KAFKA_REPLICATION_FACTOR=3
# (the replication factor of the topics they create).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

KAFKA_CLUSTER_SIZE=3
KAFKA_CLUSTER_PORT="${KAFKA_CLUSTER_PORT:-9192}"
KAFKA_CLUSTER_DIR="${KAFKA_CLUSTER_DIR:-$ECAB_ROOT/.data/kafka-cluster}"
# Three JVMs on one machine: a smaller heap each than the single broker's (env.sh) unless given.
CLUSTER_HEAP_OPTS="${KAFKA_CLUSTER_HEAP_OPTS:--Xms128m -Xmx384m}"

port_of() { echo $((KAFKA_CLUSTER_PORT + 3 * ($1 - 1))); }
nodes() { seq 1 "$KAFKA_CLUSTER_SIZE"; }
voters() {
  local i list=()
  for i in $(nodes); do list+=("$i@$KAFKA_HOST:$(($(port_of "$i") + 1))"); done
  (IFS=,; echo "${list[*]}")
}
brokers() {
  local i list=()
  for i in $(nodes); do list+=("$KAFKA_HOST:$(port_of "$i")"); done
  (IFS=,; echo "${list[*]}")
}
check_index() {
  [[ "${1:-}" =~ ^[1-9][0-9]*$ ]] && [ "$1" -le "$KAFKA_CLUSTER_SIZE" ] || { echo "kafka cluster: a node index 1..$KAFKA_CLUSTER_SIZE is needed, not '${1:-}'" >&2; exit 2; }
}

# Runs one of this folder's scripts for node i, with env.sh's variables set for that node.
for_node() {
  local i=$1 script=$2 wait=${3:-90} port
  port=$(port_of "$i")
  KAFKA_NODE_ID="$i" KAFKA_PORT="$port" KAFKA_CONTROLLER_PORT=$((port + 1)) KAFKA_PARTNER_PORT=$((port + 2)) \
    KAFKA_DATA_DIR="$KAFKA_CLUSTER_DIR/node-$i" KAFKA_QUORUM_VOTERS="$(voters)" KAFKA_CLUSTER_ID="$(cat "$KAFKA_CLUSTER_DIR/cluster.id")" \
    KAFKA_DEFAULT_REPLICATION_FACTOR=3 KAFKA_MIN_INSYNC_REPLICAS=2 KAFKA_HEAP_OPTS="$CLUSTER_HEAP_OPTS" KAFKA_WAIT_SECONDS="$wait" \
    bash "$KAFKA_HOME_DIR/$script"
}

pid_of() { cat "$KAFKA_CLUSTER_DIR/node-$1/broker.pid" 2>/dev/null || true; }
running() {
  local pid
  pid=$(pid_of "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

ensure_cluster_id() {
  mkdir -p "$KAFKA_CLUSTER_DIR"
  [ -s "$KAFKA_CLUSTER_DIR/cluster.id" ] && return
  # What `kafka-storage.sh random-uuid` prints (16 random bytes, base64url, never starting with '-'), without a JVM.
  node -e "const { randomBytes } = require('node:crypto'); let id; do id = randomBytes(16).toString('base64url'); while (id.startsWith('-')); console.log(id);" \
    >"$KAFKA_CLUSTER_DIR/cluster.id"
}

start_all() {
  ensure_cluster_id
  local i pids=()
  bash "$KAFKA_HOME_DIR/fetch.sh"
  # No node answers before a majority of the controllers runs: start them all at once (each formats its own
  # storage first), then wait for the three.
  for i in $(nodes); do
    if running "$i"; then
      echo "kafka cluster: node $i already running (pid $(pid_of "$i"))"
    else
      for_node "$i" start.sh 0 &
      pids+=($!)
    fi
  done
  for i in "${pids[@]}"; do wait "$i"; done
  if ! node "$KAFKA_HOME_DIR/wait.js" --brokers "$(brokers)" --expect-brokers "$KAFKA_CLUSTER_SIZE" --timeout 120; then
    for i in $(nodes); do
      echo "kafka cluster: the end of node $i's log:" >&2
      tail -n 20 "$KAFKA_CLUSTER_DIR/node-$i/broker.log" >&2 || true
    done
    exit 1
  fi
  echo "kafka cluster: ready, KAFKA_BROKERS=$(brokers)"
}

start_one() {
  ensure_cluster_id
  if running "$1"; then
    echo "kafka cluster: node $1 already running (pid $(pid_of "$1"))"
    return
  fi
  for_node "$1" start.sh
  # It answers before it has registered with the controllers: wait until the metadata lists every node again.
  node "$KAFKA_HOME_DIR/wait.js" --brokers "$(brokers)" --expect-brokers "$KAFKA_CLUSTER_SIZE" --timeout 90
}

stop_all() {
  local i pids=()
  # In parallel: a node stopped after the others would wait for a controller majority that is gone.
  for i in $(nodes); do
    if [ -f "$KAFKA_CLUSTER_DIR/node-$i/broker.pid" ]; then
      for_node "$i" stop.sh &
      pids+=($!)
    fi
  done
  for i in "${pids[@]}"; do wait "$i"; done
}

kill_one() {
  local pid
  pid=$(pid_of "$1")
  if ! running "$1"; then
    echo "kafka cluster: node $1 is not running"
    return
  fi
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$KAFKA_CLUSTER_DIR/node-$1/broker.pid"
  echo "kafka cluster: node $1 killed (pid $pid)"
}

status() {
  local i state
  for i in $(nodes); do
    state="down"
    if running "$i"; then
      state="pid $(pid_of "$i"), not answering"
      node "$KAFKA_HOME_DIR/wait.js" --brokers "$KAFKA_HOST:$(port_of "$i")" --timeout 2 >/dev/null 2>&1 && state="pid $(pid_of "$i"), answering"
    fi
    echo "node $i on $KAFKA_HOST:$(port_of "$i"): $state"
  done
}

case "${1:-}" in
  start) if [ -n "${2:-}" ]; then check_index "$2"; start_one "$2"; else start_all; fi ;;
  stop)
    if [ ! -s "$KAFKA_CLUSTER_DIR/cluster.id" ]; then echo "kafka cluster: none started from here"
    elif [ -n "${2:-}" ]; then check_index "$2"; for_node "$2" stop.sh
    else stop_all; fi ;;
  kill) check_index "${2:-}"; kill_one "$2" ;;
  status) status ;;
  brokers) brokers ;;
  *) echo "usage: cluster.sh start [i] | stop [i] | kill <i> | status | brokers" >&2; exit 2 ;;
esac
