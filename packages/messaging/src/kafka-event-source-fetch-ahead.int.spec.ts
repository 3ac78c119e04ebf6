import { encodeCloudEvent, type PortfolioEvent } from '@ecab/contracts';
import { waitFor } from '@ecab/testing';
import { Partitioners } from 'kafkajs';
import { KafkaEventSource } from './kafka-event-source.js';
import type { ParkedMessageStore } from './parking/parked-message-store.js';
import { KafkaSourceFixture } from './test-support/kafka-source-fixture.js';
import { projectEvent, silent } from './test-support/source-events.js';

const PROJECTS = ['FA-1', 'FA-2', 'FA-3'];
const VERSIONS = 60;

describe('KafkaEventSource fetching ahead (real Kafka)', () => {
  const fixture = new KafkaSourceFixture('ahead');
  const { prefix, settings, kafka, topic } = fixture;
  const committedOffsetTotal = (groupId: string) => fixture.committedOffsetTotal(groupId);
  let parked: ParkedMessageStore;

  beforeAll(async () => {
    parked = await fixture.setUp();
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    for (let version = 1; version <= VERSIONS; version += 1) {
      await producer.send({ topic, messages: PROJECTS.map((project) => encodeCloudEvent(projectEvent(project, version))) });
    }
    await producer.disconnect();
  });

  afterAll(() => fixture.tearDown());

  it('commits no offset before its events were applied, and after a failed apply reads its events again instead of skipping them', async () => {
    const group = `${prefix}group`;
    // Applied versions per project, as the projection keeps them: a version past the next one is a gap (an
    // event skipped), which the handler refuses, so the event would be parked.
    const applied = new Map<string, number>();
    let calls = 0;
    let committedAheadOfApplied = false;
    let failed = false;
    const handle = async (events: PortfolioEvent[]): Promise<void> => {
      calls += 1;
      const appliedSoFar = [...applied.values()].reduce((sum, v) => sum + v, 0);
      // Every event earlier calls handed over is applied (or a duplicate); the commits may not be past them.
      if ((await committedOffsetTotal(group)) > appliedSoFar) committedAheadOfApplied = true;
      if (calls === 4) {
        failed = true;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }
      for (const e of events) {
        const last = applied.get(e.subject) ?? 0;
        if (e.streamVersion > last + 1) throw new Error(`${e.subject}: received version ${e.streamVersion} but only ${last} is applied`);
        if (e.streamVersion === last + 1) applied.set(e.subject, e.streamVersion);
      }
    };
    // Small fetches and slices: many fetches, so one is fetched ahead while another is applied.
    const source = new KafkaEventSource(kafka, settings, {
      groupId: group,
      log: silent,
      parked,
      topics: ['ecab.portfolio.tourism.v1'],
      fetchAhead: true,
      maxBytes: 4096,
      maxBytesPerPartition: 2048,
      maxEventsPerApply: 5,
    });
    await source.start(handle);
    try {
      await waitFor(async () => ((await committedOffsetTotal(group)) === PROJECTS.length * VERSIONS ? true : undefined), {
        timeoutMs: 60_000,
        description: 'every event applied and committed',
      });
    } finally {
      await source.stop();
    }
    expect(failed).toBe(true);
    expect(committedAheadOfApplied).toBe(false);
    expect(await parked.list({ consumer: group })).toEqual([]);
    expect(PROJECTS.map((project) => applied.get(project))).toEqual(PROJECTS.map(() => VERSIONS));
  });
});
