import { ALL_TOPICS } from '@ecab/contracts';
import type { Kafka } from 'kafkajs';
import type { KafkaSettings } from './kafka-config.js';
import { whileABrokerIsAway } from './while-a-broker-is-away.js';

export function prefixed(settings: Pick<KafkaSettings, 'topicPrefix'>, topic: string): string {
  return `${settings.topicPrefix}${topic}`;
}

/**
 * Creates the platform's topics that do not exist yet. The broker never auto-creates them:
 * kafkajs on KRaft fails to subscribe to a missing topic, and a typo must fail loudly.
 */
export async function ensureTopics(
  kafka: Kafka,
  settings: KafkaSettings,
  topics: readonly string[] = ALL_TOPICS,
  log: { warn(fields: object, message: string): void } = { warn: () => undefined },
): Promise<string[]> {
  // Started while a broker of the cluster restarts: wait for it rather than exit.
  return whileABrokerIsAway(() => ensureTopicsOnce(kafka, settings, topics), { what: 'listing or creating the topics', log });
}

async function ensureTopicsOnce(kafka: Kafka, settings: KafkaSettings, topics: readonly string[]): Promise<string[]> {
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
        // Another service created them at the same moment, or we did and a busy broker does not answer for them yet
        // (UNKNOWN_TOPIC_OR_PARTITION while waiting for leaders): fine, once every one of them is listed.
        await untilListed(() => admin.listTopics(), missing, error);
      }
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/** How long topics just created may take to be listed before their creation counts as failed. */
export const TOPICS_LISTED_WITHIN = { timeoutMs: 30_000, intervalMs: 250 };

/**
 * Resolves once `list` names every one of `topics`; asks again every `intervalMs` until `timeoutMs`, then throws
 * `failure` (the error the creation met).
 */
export async function untilListed(
  list: () => Promise<string[]>,
  topics: readonly string[],
  failure: unknown,
  { timeoutMs, intervalMs } = TOPICS_LISTED_WITHIN,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const listed = new Set(await list());
    if (topics.every((topic) => listed.has(topic))) return;
    if (Date.now() >= deadline) throw failure;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
