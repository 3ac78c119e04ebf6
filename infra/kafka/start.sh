#!/usr/bin/env bash
# Start the local single-node KRaft broker on 127.0.0.1:9092, with the partners' SASL/SCRAM listener on 9094
# (KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_PARTNER_PORT and KAFKA_DATA_DIR choose another one, see env.sh) and
# wait until it answers. cluster.sh starts each node of a three-node cluster with this script (env.sh's
# KAFKA_NODE_ID, KAFKA_QUORUM_VOTERS, KAFKA_CLUSTER_ID and the replication settings).
# Idempotent: a broker already answering there is reused.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if node "$KAFKA_HOME_DIR/wait.js" --brokers "$KAFKA_HOST:$KAFKA_PORT" --timeout 2 >/dev/null 2>&1; then
  echo "kafka: broker already running on $KAFKA_HOST:$KAFKA_PORT"
  exit 0
fi
command -v java >/dev/null || { echo "kafka: Java 17 is needed to run the broker" >&2; exit 1; }
bash "$KAFKA_HOME_DIR/fetch.sh"

mkdir -p "$KAFKA_DATA_DIR"
props="$KAFKA_DATA_DIR/server.properties"
# The listeners follow KAFKA_HOST, KAFKA_PORT, KAFKA_CONTROLLER_PORT and KAFKA_PARTNER_PORT (127.0.0.1, 9092, 9093, 9094 by default);
# the node id, the controllers and the replication settings follow env.sh (one node: 1, itself, 1 and 1, as in the file).
{
  sed -e "s|^node.id=.*|node.id=$KAFKA_NODE_ID|" \
    -e "s|^controller.quorum.voters=.*|controller.quorum.voters=$KAFKA_QUORUM_VOTERS|" \
    -e "s|^offsets.topic.replication.factor=.*|offsets.topic.replication.factor=$KAFKA_DEFAULT_REPLICATION_FACTOR|" \
    -e "s|^transaction.state.log.replication.factor=.*|transaction.state.log.replication.factor=$KAFKA_DEFAULT_REPLICATION_FACTOR|" \
    -e "s|^transaction.state.log.min.isr=.*|transaction.state.log.min.isr=$KAFKA_MIN_INSYNC_REPLICAS|" \
    -e "s|^default.replication.factor=.*|default.replication.factor=$KAFKA_DEFAULT_REPLICATION_FACTOR|" \
    -e "s|^min.insync.replicas=.*|min.insync.replicas=$KAFKA_MIN_INSYNC_REPLICAS|" \
    -e "s|^listeners=.*|listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT,PARTNER://$KAFKA_HOST:$KAFKA_PARTNER_PORT|" \
    -e "s|^advertised.listeners=.*|advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,PARTNER://$KAFKA_HOST:$KAFKA_PARTNER_PORT|" \
    "$KAFKA_HOME_DIR/server.properties"
  echo "log.dirs=$KAFKA_DATA_DIR/logs"
} >"$props"
classpath="$KAFKA_LIB_DIR/*"
if [ ! -f "$KAFKA_DATA_DIR/logs/meta.properties" ]; then
  cluster_id="${KAFKA_CLUSTER_ID:-$(java -cp "$classpath" kafka.tools.StorageTool random-uuid 2>/dev/null)}"
  java -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" >>"$KAFKA_LOG_FILE" 2>&1
fi

cat >"$KAFKA_DATA_DIR/log4j.properties" <<LOG4J
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
LOG4J

echo "kafka: starting Apache Kafka $KAFKA_VERSION (log: $KAFKA_LOG_FILE)"
# shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several options
nohup java $KAFKA_HEAP_OPTS -XX:+UseG1GC -Djava.awt.headless=true \
  -Dlog4j.configuration="file:$KAFKA_DATA_DIR/log4j.properties" \
  -cp "$classpath" kafka.Kafka "$props" >>"$KAFKA_LOG_FILE" 2>&1 &
echo $! >"$KAFKA_PID_FILE"

if [ "$KAFKA_WAIT_SECONDS" = 0 ]; then
  echo "kafka: node $KAFKA_NODE_ID started on $KAFKA_HOST:$KAFKA_PORT (pid $(cat "$KAFKA_PID_FILE")), not waiting for it"
  exit 0
fi
if ! node "$KAFKA_HOME_DIR/wait.js" --brokers "$KAFKA_HOST:$KAFKA_PORT" --timeout "$KAFKA_WAIT_SECONDS"; then
  echo "kafka: the broker did not come up; the end of its log:" >&2
  tail -n 40 "$KAFKA_LOG_FILE" >&2
  exit 1
fi
echo "kafka: broker ready on $KAFKA_HOST:$KAFKA_PORT (pid $(cat "$KAFKA_PID_FILE"))"
