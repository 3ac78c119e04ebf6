import { ALL_TOPICS } from '@ecab/contracts';
import type { Kafka } from 'kafkajs';
import type { KafkaSettings } from './kafka-config.js';

export function prefixed(settings: Pick<KafkaSettings, 'topicPrefix'>, topic: string): string {
  return `${settings.topicPrefix}${topic}`;
}

/**
 * Creates the platform's topics that do not exist yet. The broker never auto-creates them:
 * kafkajs on KRaft fails to subscribe to a missing topic, and a typo must fail loudly.
 */
export async function ensureTopics(kafka: Kafka, settings: KafkaSettings, topics: readonly string[] = ALL_TOPICS): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.map((t) => prefixed(settings, t)).filter((t) => !existing.has(t));
    if (missing.length > 0) {
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: settings.partitions, replicationFactor: settings.replicationFactor })),
        });
      } catch (error) {
        // Another service created them at the same moment: fine, as long as they exist now.
        const now = new Set(await admin.listTopics());
        if (missing.some((t) => !now.has(t))) throw error;
      }
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
