import { DEAD_LETTER_TOPIC, encodeCloudEvent, type PortfolioEvent } from '@ecab/contracts';
import { deleteTopicsWithPrefix, readTopics, testKafkaBrokers, uniqueTopicPrefix, waitFor } from '@ecab/testing';
import { Partitioners } from 'kafkajs';
import { createKafka, type KafkaSettings } from './kafka-config.js';
import { KafkaEventSource } from './kafka-event-source.js';
import { ensureTopics } from './topics-admin.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

function event(projectId: string, version: number): PortfolioEvent {
  return {
    eventId: `00000000-0000-4000-8000-${String(version).padStart(12, '0')}`,
    type: version === 1 ? 'ProjectRegistered' : 'CommitmentRecorded',
    schemaVersion: 1,
    streamId: `project-${projectId}`,
    streamVersion: version,
    subject: projectId,
    cluster: 'tourism',
    time: new Date().toISOString(),
    data: { projectId, n: version },
  };
}

describe('KafkaEventSource (real Kafka)', () => {
  const prefix = uniqueTopicPrefix('source');
  const settings: KafkaSettings = { brokers: testKafkaBrokers(), clientId: 'source-test', topicPrefix: prefix, partitions: 2, replicationFactor: 1 };
  const kafka = createKafka(settings);
  const topic = `${prefix}ecab.portfolio.tourism.v1`;

  beforeAll(async () => {
    await ensureTopics(kafka, settings);
  });

  afterAll(async () => {
    await deleteTopicsWithPrefix(prefix);
  });

  async function produce(messages: { key: string; value: Buffer; headers: Record<string, string> }[]): Promise<void> {
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, messages });
    await producer.disconnect();
  }

  it('hands decoded batches over, sends undecodable messages to the dead-letter topic, and resumes after its committed offset', async () => {
    await produce([encodeCloudEvent(event('TO-1', 1)), { key: 'TO-1', value: Buffer.from('not json'), headers: { ce_specversion: '1.0', ce_type: 'ecab.project.registered.v1' } }, encodeCloudEvent(event('TO-1', 2))]);

    const received: PortfolioEvent[] = [];
    const source = new KafkaEventSource(kafka, settings, { groupId: `${prefix}group`, log: silent, topics: ['ecab.portfolio.tourism.v1'] });
    await source.start(async (events) => void received.push(...events));
    await waitFor(async () => (received.length >= 2 && source.deadLettered.length >= 1 ? true : undefined), { timeoutMs: 30_000, description: 'two events and one dead letter' });
    await source.stop();
    expect(received.map((e) => e.streamVersion)).toEqual([1, 2]);

    const dead = await readTopics([`${prefix}${DEAD_LETTER_TOPIC}`], { count: 1 });
    expect(dead).toHaveLength(1);
    expect(String(dead[0]!.message.headers?.ecab_dlq_error)).toMatch(/EventDecodingError/);
    expect(String(dead[0]!.message.headers?.ecab_dlq_topic)).toBe(topic);

    // A restarted consumer of the same group starts after what was committed: nothing twice.
    await produce([encodeCloudEvent(event('TO-1', 3))]);
    const again: PortfolioEvent[] = [];
    const restarted = new KafkaEventSource(kafka, settings, { groupId: `${prefix}group`, log: silent, topics: ['ecab.portfolio.tourism.v1'] });
    await restarted.start(async (events) => void again.push(...events));
    await waitFor(async () => (again.length >= 1 ? true : undefined), { timeoutMs: 30_000, description: 'the new event' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await restarted.stop();
    expect(again.map((e) => e.streamVersion)).toEqual([3]);
  });

  it('dead-letters an event its handler keeps failing on, and goes on with the others', async () => {
    const group = `${prefix}failing`;
    await produce([encodeCloudEvent(event('TO-2', 1)), encodeCloudEvent(event('TO-3', 1))]);
    const applied: string[] = [];
    const source = new KafkaEventSource(kafka, settings, { groupId: group, log: silent, topics: ['ecab.portfolio.tourism.v1'], maxAttempts: 2 });
    await source.start(async (events) => {
      if (events.some((e) => e.subject === 'TO-2')) throw new Error('cannot apply TO-2');
      applied.push(...events.map((e) => `${e.subject}@${e.streamVersion}`));
    });
    await waitFor(async () => (applied.includes('TO-3@1') && source.deadLettered.some((d) => d.error.includes('cannot apply TO-2')) ? true : undefined), {
      timeoutMs: 30_000,
      description: 'TO-3 applied and TO-2 dead-lettered',
    });
    await source.stop();
    expect(applied).not.toContain('TO-2@1');
  });
});
