#!/usr/bin/env bash
# Fetch the broker's jars from Maven Central into the cache (once).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
if [ -f "$KAFKA_LIB_DIR/kafka_2.13-$KAFKA_VERSION.jar" ]; then
  exit 0
fi
command -v mvn >/dev/null || { echo "kafka: Maven (mvn) is needed to fetch the broker's jars" >&2; exit 1; }
echo "kafka: fetching Apache Kafka $KAFKA_VERSION jars into $KAFKA_LIB_DIR"
mvn -B -q -f "$KAFKA_HOME_DIR/pom.xml" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIB_DIR"
