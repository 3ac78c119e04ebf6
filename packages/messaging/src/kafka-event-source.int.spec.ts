import { DEAD_LETTER_TOPIC, encodeCloudEvent, type PortfolioEvent } from '@ecab/contracts';
import { readTopics, waitFor } from '@ecab/testing';
import { Partitioners } from 'kafkajs';
import { KafkaEventSource } from './kafka-event-source.js';
import type { ParkedMessageStore } from './parking/parked-message-store.js';
import { KafkaSourceFixture } from './test-support/kafka-source-fixture.js';
import { projectEvent, silent } from './test-support/source-events.js';

describe('KafkaEventSource (real Kafka)', () => {
  const fixture = new KafkaSourceFixture('source');
  const { prefix, settings, kafka, topic } = fixture;
  const committedOffsetTotal = (groupId: string) => fixture.committedOffsetTotal(groupId);
  let parked: ParkedMessageStore;

  beforeAll(async () => {
    parked = await fixture.setUp();
  });

  afterAll(() => fixture.tearDown());

  /** Messages on the topic so far, summed over its partitions. */
  async function topicEndTotal(): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  async function produce(messages: { key: string; value: Buffer; headers: Record<string, string> }[]): Promise<void> {
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, messages });
    await producer.disconnect();
  }

  it('hands decoded batches over, parks an undecodable message and copies it to the dead-letter topic, and resumes after its committed offset', async () => {
    await produce([
      encodeCloudEvent(projectEvent('TO-1', 1)),
      { key: 'TO-9', value: Buffer.from('not json'), headers: { ce_specversion: '1.0', ce_type: 'ecab.project.registered.v1' } },
      encodeCloudEvent(projectEvent('TO-1', 2)),
    ]);

    const received: PortfolioEvent[] = [];
    const source = new KafkaEventSource(kafka, settings, { groupId: `${prefix}group`, log: silent, parked, topics: ['ecab.portfolio.tourism.v1'] });
    await source.start(async (events) => void received.push(...events));
    try {
      await waitFor(async () => (received.length >= 2 && source.deadLettered.length >= 1 ? true : undefined), {
        timeoutMs: 30_000,
        description: 'two events and one copy on the dead-letter topic',
      });
      // Handing over comes before the offset commit; on a fresh broker the group coordinator may still be
      // loading, and the commit is retried. Stop only once the group's position is past all three messages.
      await waitFor(async () => ((await committedOffsetTotal(`${prefix}group`)) === 3 ? true : undefined), {
        timeoutMs: 30_000,
        description: 'offsets committed past the three messages',
      });
    } finally {
      await source.stop();
    }
    // The poison message is parked under its project (the key), which blocks only that project.
    expect((await parked.list({ consumer: `${prefix}group` })).map((m) => m.subject)).toEqual(['TO-9']);
    expect(received.map((e) => e.streamVersion)).toEqual([1, 2]);

    const dead = await readTopics([`${prefix}${DEAD_LETTER_TOPIC}`], { count: 1 });
    expect(dead).toHaveLength(1);
    expect(String(dead[0]!.message.headers?.ecab_dlq_error)).toMatch(/EventDecodingError/);
    expect(String(dead[0]!.message.headers?.ecab_dlq_topic)).toBe(topic);

    // A restarted consumer of the same group starts after what was committed: nothing twice.
    await produce([encodeCloudEvent(projectEvent('TO-1', 3))]);
    const again: PortfolioEvent[] = [];
    const restarted = new KafkaEventSource(kafka, settings, { groupId: `${prefix}group`, log: silent, parked, topics: ['ecab.portfolio.tourism.v1'] });
    await restarted.start(async (events) => void again.push(...events));
    await waitFor(async () => (again.length >= 1 ? true : undefined), { timeoutMs: 30_000, description: 'the new event' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await restarted.stop();
    expect(again.map((e) => e.streamVersion)).toEqual([3]);
  });

  it('parks an event its handler keeps failing on with every later event of that project, goes on with the others, and applies them in order on retry', async () => {
    const group = `${prefix}failing`;
    await produce([
      encodeCloudEvent(projectEvent('TO-2', 1)),
      encodeCloudEvent(projectEvent('TO-3', 1)),
      encodeCloudEvent(projectEvent('TO-2', 2)),
      encodeCloudEvent(projectEvent('TO-3', 2)),
    ]);
    const applied: string[] = [];
    let fixed = false;
    const source = new KafkaEventSource(kafka, settings, { groupId: group, log: silent, parked, topics: ['ecab.portfolio.tourism.v1'], maxAttempts: 2 });
    await source.start(async (events) => {
      if (!fixed && events.some((e) => e.subject === 'TO-2' && e.streamVersion === 1)) throw new Error('cannot apply TO-2');
      applied.push(...events.map((e) => `${e.subject}@${e.streamVersion}`));
    });
    try {
      await waitFor(async () => (applied.includes('TO-3@2') && (await parked.list({ consumer: group, subject: 'TO-2' })).length === 2 ? true : undefined), {
        timeoutMs: 30_000,
        description: 'TO-3 applied and both TO-2 events parked',
      });
    } catch (error) {
      await source.stop();
      throw error;
    }
    expect(applied.filter((a) => a.startsWith('TO-2'))).toEqual([]);
    // The topic also holds the first test's messages, so this group parked that poison message too.
    const list = await parked.list({ consumer: group, subject: 'TO-2' });
    expect(list.map((m) => [m.subject, m.message.headers.ce_streamversion])).toEqual([
      ['TO-2', '1'],
      ['TO-2', '2'],
    ]);
    expect(list[0]!.error).toMatch(/cannot apply TO-2/);
    expect(list[1]!.error).toMatch(/waiting behind/);
    expect(source.deadLettered.map((d) => d.subject).sort()).toEqual(['TO-2', 'TO-9']);

    fixed = true;
    const outcome = await source.retryParked('TO-2');
    await source.stop();
    expect(outcome).toEqual({ subject: 'TO-2', applied: 2, remaining: 0 });
    expect(applied.filter((a) => a.startsWith('TO-2'))).toEqual(['TO-2@1', 'TO-2@2']);
    expect(await parked.list({ consumer: group, subject: 'TO-2' })).toEqual([]);
  });

  it('parks a well-formed event of a contract it does not know (an older build reading newer events) like a poison message, with its project, in order', async () => {
    const group = `${prefix}unknown-contract`;
    const climate = `${prefix}ecab.portfolio.climate.v1`;
    const withPosition = (e: PortfolioEvent, position: string): PortfolioEvent => ({ ...e, cluster: 'climate', position });
    const newer = encodeCloudEvent(withPosition(projectEvent('CL-5', 2), '12'));
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: climate,
      messages: [
        encodeCloudEvent(withPosition(projectEvent('CL-5', 1), '11')),
        { ...newer, headers: { ...newer.headers, ce_type: 'ecab.project.commitment-recorded.v99' } },
        encodeCloudEvent(withPosition(projectEvent('CL-5', 3), '13')),
        encodeCloudEvent(withPosition(projectEvent('CL-6', 1), '14')),
      ],
    });
    await producer.disconnect();
    const applied: PortfolioEvent[] = [];
    const source = new KafkaEventSource(kafka, settings, { groupId: group, log: silent, parked, topics: ['ecab.portfolio.climate.v1'] });
    await source.start(async (events) => void applied.push(...events));
    try {
      await waitFor(async () => (applied.length >= 2 && (await parked.count(group)) === 2 ? true : undefined), {
        timeoutMs: 30_000,
        description: 'CL-5 v2 and v3 parked',
      });
    } finally {
      await source.stop();
    }
    // Two projects may sit on two partitions: compare per project, not across.
    expect(applied.map((e) => [e.subject, e.streamVersion, e.position]).sort()).toEqual([
      ['CL-5', 1, '11'],
      ['CL-6', 1, '14'],
    ]);
    const list = await parked.list({ consumer: group });
    expect(list.map((m) => [m.subject, m.message.headers.ce_streamversion, m.message.headers.ce_position])).toEqual([
      ['CL-5', '2', '12'],
      ['CL-5', '3', '13'],
    ]);
    expect(list[0]!.error).toMatch(/unknown event type ecab.project.commitment-recorded.v99/);
  });

  it('hands over the events of every partition and commits past them all, the partitions applied together committed together', async () => {
    const group = `${prefix}gathering`;
    const source = new KafkaEventSource(kafka, settings, { groupId: group, log: silent, parked, topics: ['ecab.portfolio.tourism.v1'] });
    const received: PortfolioEvent[] = [];
    await source.start(async (events) => void received.push(...events.filter((e) => e.subject.startsWith('TG-'))));
    try {
      // Produced after the group caught up: live events, not a backlog.
      const before = await topicEndTotal();
      await waitFor(async () => ((await committedOffsetTotal(group)) === before ? true : undefined), {
        timeoutMs: 30_000,
        description: 'the group caught up with what earlier tests produced',
      });
      const live = ['TG-1', 'TG-2', 'TG-3', 'TG-4'].flatMap((project) => [1, 2].map((version) => encodeCloudEvent(projectEvent(project, version))));
      await produce(live);
      await waitFor(async () => (received.length >= live.length && (await committedOffsetTotal(group)) === before + live.length ? true : undefined), {
        timeoutMs: 30_000,
        description: 'the live events handed over and committed',
      });
    } finally {
      await source.stop();
    }
    for (const project of ['TG-1', 'TG-2', 'TG-3', 'TG-4']) {
      expect(received.filter((e) => e.subject === project).map((e) => e.streamVersion)).toEqual([1, 2]);
    }
  });

  it('applies a fetched batch in slices of at most maxEventsPerApply events, in order, and commits past each', async () => {
    const group = `${prefix}sliced`;
    // One key, so one partition and one fetched batch of seven.
    await produce([1, 2, 3, 4, 5, 6, 7].map((version) => encodeCloudEvent(projectEvent('TO-7', version))));
    const slices: number[][] = [];
    const source = new KafkaEventSource(kafka, settings, { groupId: group, log: silent, parked, topics: ['ecab.portfolio.tourism.v1'], maxEventsPerApply: 3 });
    await source.start(async (events) => void slices.push(events.filter((e) => e.subject === 'TO-7').map((e) => e.streamVersion)));
    try {
      await waitFor(async () => (slices.flat().length >= 7 ? true : undefined), { timeoutMs: 30_000, description: 'the seven events' });
    } finally {
      await source.stop();
    }
    expect(slices.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Math.max(...slices.map((s) => s.length))).toBeLessThanOrEqual(3);
  });
});
