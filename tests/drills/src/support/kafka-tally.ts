// What the drill's Kafka topics hold: every copy of every event, and the message counts of topics.
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { sleep } from '@ecab/testing';
import { keyOf } from './ledger.js';
import { CLUSTERS } from './traffic.js';

export interface KafkaTally {
  /** Messages read from the drill's event topics (duplicates included). */
  messages: number;
  /** How many times each `<stream id>@<version>` was on Kafka. */
  copies: Map<string, number>;
}

export function eventTopics(topicPrefix: string): string[] {
  return [...CLUSTERS.map((c) => `${topicPrefix}ecab.portfolio.${c}.v1`), `${topicPrefix}ecab.portfolio.programme.v1`];
}

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.toString();
}

/**
 * Reads the drill's event topics from the beginning with a fresh consumer group, up to the partitions'
 * end offsets, until `expectedUnique` distinct events were seen (refreshing the end offsets while the
 * relay still publishes) or the time is up. Counts every copy.
 */
export async function readKafka(brokers: string, topicPrefix: string, expectedUnique: number, timeoutMs: number): Promise<KafkaTally> {
  const kafka = new Kafka({ clientId: 'ecab-drill-reader', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const topics = eventTopics(topicPrefix);
  const admin = kafka.admin();
  const groupId = `${topicPrefix}drill-reader-${randomBytes(4).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  const tally: KafkaTally = { messages: 0, copies: new Map() };
  const consumed = new Map<string, bigint>(); // topic/partition → next offset to read
  const endOffsets = async () => {
    const ends = new Map<string, bigint>();
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${p.partition}`, BigInt(p.high));
    }
    return ends;
  };
  await admin.connect();
  try {
    let ends = await endOffsets();
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        for (const message of batch.messages) {
          tally.messages += 1;
          const stream = header(message.headers, 'ce_streamid') ?? `?${message.key?.toString()}`;
          const key = keyOf(stream, Number(header(message.headers, 'ce_streamversion')));
          tally.copies.set(key, (tally.copies.get(key) ?? 0) + 1);
          consumed.set(`${batch.topic}/${batch.partition}`, BigInt(message.offset) + 1n);
          resolveOffset(message.offset);
        }
        await heartbeat();
      },
    });
    const deadline = Date.now() + timeoutMs;
    const caughtUp = () => [...ends].every(([tp, end]) => (consumed.get(tp) ?? 0n) >= end);
    while (Date.now() < deadline) {
      if (caughtUp()) {
        if (tally.copies.size >= expectedUnique) break;
        ends = await endOffsets(); // the relay is still publishing: read on to the new end
      }
      await sleep(200);
    }
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
  return tally;
}

/** How many messages the drill's event topics (or the given ones) hold now (sum of end − start offsets). */
export async function kafkaMessageCount(brokers: string, topicPrefix: string, topics = eventTopics(topicPrefix)): Promise<number> {
  const kafka = new Kafka({ clientId: 'ecab-drill-offsets', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    let total = 0;
    const existing = new Set(await admin.listTopics());
    for (const topic of topics.filter((t) => existing.has(t))) {
      for (const p of await admin.fetchTopicOffsets(topic)) total += Number(p.high) - Number(p.low);
    }
    return total;
  } finally {
    await admin.disconnect();
  }
}

export const deadLetterTopic = (topicPrefix: string) => `${topicPrefix}ecab.portfolio.dlq.v1`;
