// Wait until the broker answers a metadata request (kafkajs admin describeCluster).
// Usage: node wait.js [--timeout seconds] [--brokers host:port,...] [--expect-brokers n]
// Without --brokers: KAFKA_BROKERS, else 127.0.0.1:${KAFKA_PORT:-9092}. With --expect-brokers, waits until the
// cluster's metadata lists that many live brokers (cluster.sh: all three nodes joined).
import { Kafka, logLevel } from 'kafkajs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const timeoutMs = Number(option('--timeout', '60')) * 1000;
const brokers = option('--brokers', process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`).split(',');
const expectBrokers = Number(option('--expect-brokers', '1'));
const kafka = new Kafka({ clientId: 'ecab-kafka-wait', brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } });

const deadline = Date.now() + timeoutMs;
let lastError = 'no answer';
while (Date.now() < deadline) {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.disconnect();
    if (cluster.brokers.length < expectBrokers) throw new Error(`${cluster.brokers.length} of ${expectBrokers} brokers up`);
    console.log(`kafka: cluster ${cluster.clusterId} answers with ${cluster.brokers.length} broker(s)`);
    process.exit(0);
  } catch (error) {
    lastError = error instanceof Error ? error.message : String(error);
    await admin.disconnect().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
console.error(`kafka: no broker answered at ${brokers.join(',')} within ${timeoutMs / 1000}s (${lastError})`);
process.exit(1);
