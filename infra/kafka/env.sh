# Sourced by the scripts here: where the broker's jars, data and log live (all outside git), and its ports.
# KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_PARTNER_PORT and KAFKA_DATA_DIR select another broker (e.g. a fault
# drill's own broker on 19092/19093/19094 under a temp dir); the defaults are the shared one on 127.0.0.1:9092,
# its controller on 9093 and the partners' SASL/SCRAM listener on 9094 (KAFKA_PORT + 2 unless given).
# A node of a cluster (cluster.sh sets these for each of its nodes) also gets KAFKA_NODE_ID, KAFKA_QUORUM_VOTERS
# (every controller, `id@host:port,...`), KAFKA_CLUSTER_ID (the id all its nodes are formatted with),
# KAFKA_DEFAULT_REPLICATION_FACTOR and KAFKA_MIN_INSYNC_REPLICAS; the defaults are the single node's: 1, itself,
# a random id, 1 and 1. KAFKA_HEAP_OPTS sizes the JVM; KAFKA_WAIT_SECONDS=0 makes start.sh return without
# waiting for the broker to answer (a cluster's first node cannot answer before a majority of controllers runs).
KAFKA_VERSION=3.9.1
KAFKA_HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ECAB_ROOT="$(cd "$KAFKA_HOME_DIR/../.." && pwd)"
KAFKA_CACHE_DIR="${KAFKA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ecab-kafka/$KAFKA_VERSION}"
KAFKA_LIB_DIR="$KAFKA_CACHE_DIR/lib"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$ECAB_ROOT/.data/kafka}"
KAFKA_LOG_FILE="$KAFKA_DATA_DIR/broker.log"
KAFKA_PID_FILE="$KAFKA_DATA_DIR/broker.pid"
KAFKA_HOST=127.0.0.1
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_PARTNER_PORT="${KAFKA_PARTNER_PORT:-$((KAFKA_PORT + 2))}"
KAFKA_NODE_ID="${KAFKA_NODE_ID:-1}"
KAFKA_QUORUM_VOTERS="${KAFKA_QUORUM_VOTERS:-$KAFKA_NODE_ID@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT}"
KAFKA_CLUSTER_ID="${KAFKA_CLUSTER_ID:-}"
KAFKA_DEFAULT_REPLICATION_FACTOR="${KAFKA_DEFAULT_REPLICATION_FACTOR:-1}"
KAFKA_MIN_INSYNC_REPLICAS="${KAFKA_MIN_INSYNC_REPLICAS:-1}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_WAIT_SECONDS="${KAFKA_WAIT_SECONDS:-90}"
