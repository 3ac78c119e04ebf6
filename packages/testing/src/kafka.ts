import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';

/** The broker the integration tests use: the real one that `npm test` starts. */
export function testKafkaBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
}

/** A topic prefix unique to one suite, so that suites sharing the broker never see each other's events. */
export function uniqueTopicPrefix(suite: string): string {
  return `test-${suite}-${randomBytes(4).toString('hex')}.`;
}

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  message: KafkaMessage;
}

/**
 * Reads topics from the beginning with a plain kafkajs consumer (its own group) until `count`
 * messages arrived or the time is up; returns what it read either way.
 */
export async function readTopics(topics: string[], options: { count: number; timeoutMs?: number; idleMs?: number }): Promise<ReadMessage[]> {
  const kafka = new Kafka({ clientId: 'ecab-test-reader', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `test-reader-${randomBytes(6).toString('hex')}` });
  const read: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve) => {
      const deadline = setTimeout(resolve, options.timeoutMs ?? 20_000);
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          read.push({ topic, partition, offset: message.offset, message });
          if (read.length >= options.count) {
            clearTimeout(deadline);
            // Linger briefly so that unexpected extra messages (duplicates) are caught too.
            setTimeout(resolve, options.idleMs ?? 500);
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return read;
}

/** Deletes the topics a suite created under its prefix. */
export async function deleteTopicsWithPrefix(prefix: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'ecab-test-cleanup', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
