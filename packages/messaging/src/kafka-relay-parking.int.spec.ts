import { encodeCloudEvent, type KafkaRecord, type PortfolioEvent } from '@ecab/contracts';
import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import {
  createTestDatabase,
  deleteTopicsWithPrefix,
  readTopics,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitFor,
  type ReadMessage,
  type TestDatabase,
} from '@ecab/testing';
import type { DataSource } from 'typeorm';
import { createKafka, type KafkaSettings } from './kafka-config.js';
import { KafkaRelay } from './kafka-relay.js';
import { ParkingDesk } from './parking/parking-desk.js';
import { ParkedMessageStore } from './parking/parked-message-store.js';
import { parkingMigrations } from './parking/parked-messages.migration.js';
import { ensureTopics } from './topics-admin.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** What a consumer reads off a message without decoding it through a contract. */
interface Seen {
  subject: string;
  streamId: string;
  streamVersion: number;
  type: string;
  position: bigint;
}

const seen = (read: ReadMessage[]): Seen[] =>
  read.map(({ message }) => {
    const header = (name: string) => message.headers?.[name]?.toString() ?? '';
    return {
      subject: header('ce_subject'),
      streamId: header('ce_streamid'),
      streamVersion: Number(header('ce_streamversion')),
      type: header('ce_type'),
      position: BigInt(header('ce_position')),
    };
  });

const versionsOf = (messages: Seen[], streamId: string) => messages.filter((m) => m.streamId === streamId).map((m) => m.streamVersion);

describe('KafkaRelay with events it has no contract for (real PostgreSQL, real Kafka)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let parked: ParkedMessageStore;
  const prefix = uniqueTopicPrefix('relay-parking');
  const settings: KafkaSettings = { brokers: testKafkaBrokers(), clientId: 'relay-parking-test', topicPrefix: prefix, partitions: 3, replicationFactor: 1 };
  const transport = `${prefix}ecab.portfolio.transport.v1`;
  const health = `${prefix}ecab.portfolio.health.v1`;
  const relays: KafkaRelay[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('relay_parking');
    dataSource = createEventStoreDataSource(database.url, { extraMigrations: parkingMigrations });
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    store = new PostgresEventStore(dataSource);
    parked = new ParkedMessageStore(dataSource);
    await ensureTopics(createKafka(settings), settings);
  });

  afterAll(async () => {
    for (const relay of relays) await relay.stop();
    await dataSource.destroy();
    await database.drop();
    await deleteTopicsWithPrefix(prefix);
  });

  async function startRelay(encode?: (event: PortfolioEvent) => KafkaRecord): Promise<KafkaRelay> {
    const relay = new KafkaRelay(dataSource, createKafka(settings), settings, {
      log: silent,
      parked,
      lockIntervalMs: 100,
      pollIntervalMs: 50,
      ...(encode ? { encode } : {}),
    });
    relays.push(relay);
    await relay.start();
    await waitFor(async () => (relay.isActive ? true : undefined), { timeoutMs: 10_000, description: 'the relay to become active' });
    return relay;
  }

  const registered = (projectId: string, cluster: string) => ({
    type: 'ProjectRegistered',
    schemaVersion: 1,
    data: { projectId, title: `Project ${projectId}`, cluster, countries: [{ code: 'KZ', percentage: 100 }] },
    metadata: { subject: projectId, cluster },
  });
  const committed = (projectId: string, cluster: string, n: number) => ({
    type: 'CommitmentRecorded',
    schemaVersion: 1,
    data: { projectId, commitmentId: `c-${n}`, amount: `${n}.00`, currency: 'USD', valueDate: '2024-01-01', financier: 'XM-DAC-46004' },
    metadata: { subject: projectId, cluster },
  });

  /** What a newer build wrote: inserted as the event store would store it, past this build's contracts. */
  async function insertFromNewerBuild(
    streamId: string,
    version: number,
    type: string,
    schemaVersion: number,
    subject: string,
    cluster: string,
  ): Promise<string> {
    const [row] = await dataSource.query<{ event_id: string }[]>(
      `insert into events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
       values ($1, $2, gen_random_uuid(), $3, $4, $5, $6) returning event_id`,
      [streamId, version, type, schemaVersion, JSON.stringify({ projectId: subject, note: 'from a newer build' }), JSON.stringify({ subject, cluster })],
    );
    return row!.event_id;
  }

  /** A build that knows CommitmentRecorded v99 (encodes it by hand: this build's registry cannot). */
  const newerBuild = (event: PortfolioEvent): KafkaRecord => {
    if (event.type !== 'CommitmentRecorded' || event.schemaVersion !== 99) return encodeCloudEvent(event);
    const record = encodeCloudEvent({ ...event, schemaVersion: 1 });
    return {
      ...record,
      headers: { ...record.headers, ce_type: 'ecab.project.commitment-recorded.v99', ce_dataschema: 'urn:ecab:schema:ecab.project.commitment-recorded.v99' },
    };
  };

  let oldBuild: KafkaRelay;

  it('parks an event of a schema version newer than it knows with its project, in order, while other projects go on', async () => {
    await store.append('project-TR-A', 0, [registered('TR-A', 'transport')]);
    await insertFromNewerBuild('project-TR-A', 2, 'CommitmentRecorded', 99, 'TR-A', 'transport');
    await store.append('project-TR-A', 2, [committed('TR-A', 'transport', 3), committed('TR-A', 'transport', 4)]);
    await store.append('project-TR-B', 0, [registered('TR-B', 'transport'), committed('TR-B', 'transport', 2), committed('TR-B', 'transport', 3)]);

    oldBuild = await startRelay();
    await waitFor(async () => ((await parked.count('relay:kafka')) === 3 ? true : undefined), { timeoutMs: 15_000, description: "A's three events parked" });
    // Later events: B's are published at once, A's wait behind its parked ones.
    await store.append('project-TR-B', 3, [committed('TR-B', 'transport', 4)]);
    await store.append('project-TR-A', 4, [committed('TR-A', 'transport', 5)]);
    await waitFor(async () => ((await parked.count('relay:kafka')) === 4 ? true : undefined), { timeoutMs: 15_000, description: "A's later event parked" });

    const onKafka = seen(await readTopics([transport], { count: 5, idleMs: 1_500 }));
    expect(versionsOf(onKafka, 'project-TR-B')).toEqual([1, 2, 3, 4]);
    expect(versionsOf(onKafka, 'project-TR-A')).toEqual([1]);
    expect(onKafka).toHaveLength(5);
    expect(onKafka.every((m) => m.position > 0n)).toBe(true);

    const desk = new ParkingDesk(parked, oldBuild);
    const { consumer, messages } = await desk.list('TR-A');
    expect(consumer).toBe('relay:kafka');
    expect(messages.map((m) => [m.streamVersion, m.type])).toEqual([
      [2, 'CommitmentRecorded v99'],
      [3, 'CommitmentRecorded v1'],
      [4, 'CommitmentRecorded v1'],
      [5, 'CommitmentRecorded v1'],
    ]);
    expect(messages[0]!.error).toMatch(/unknown event type CommitmentRecorded v99/);
    expect(messages.slice(1).every((m) => /waiting behind/.test(m.error))).toBe(true);
    expect(await oldBuild.parkedCount()).toBe(4);

    // Retried by the same build, it still fails, and nothing goes out of order.
    expect(await desk.retry('TR-A')).toMatchObject({ subject: 'TR-A', applied: 0, remaining: 4, error: expect.stringMatching(/CommitmentRecorded v99/) });
    expect((await parked.list({ consumer: 'relay:kafka', subject: 'TR-A' }))[0]!.attempts).toBe(2);
  });

  it('publishes them in order once a build that knows the contract retries them, and the project flows again', async () => {
    await oldBuild.stop();
    const newer = await startRelay(newerBuild);
    const outcome = await new ParkingDesk(parked, newer).retry('TR-A');
    expect(outcome).toEqual({ subject: 'TR-A', applied: 4, remaining: 0 });
    expect(await parked.count('relay:kafka')).toBe(0);
    await store.append('project-TR-A', 5, [committed('TR-A', 'transport', 6)]);

    const onKafka = seen(await readTopics([transport], { count: 10, idleMs: 1_500 }));
    expect(versionsOf(onKafka, 'project-TR-A')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(versionsOf(onKafka, 'project-TR-B')).toEqual([1, 2, 3, 4]);
    const a = onKafka.filter((m) => m.streamId === 'project-TR-A');
    expect(a[1]!.type).toBe('ecab.project.commitment-recorded.v99');
    expect(new Set(a.map((m) => m.subject))).toEqual(new Set(['TR-A']));
    expect(await new ParkingDesk(parked, newer).retry('TR-A')).toBeUndefined();
  });

  it('lets an admin skip an event of an unknown type for good, recording who, and then publishes the project in order', async () => {
    const relay = relays.at(-1)!;
    await store.append('project-HE-C', 0, [registered('HE-C', 'health')]);
    const unknown = await insertFromNewerBuild('teleport-HE-C', 1, 'ProjectTeleported', 1, 'HE-C', 'health');
    await store.append('project-HE-C', 1, [committed('HE-C', 'health', 2), committed('HE-C', 'health', 3)]);
    await store.append('project-HE-D', 0, [registered('HE-D', 'health')]);
    await waitFor(async () => ((await parked.count('relay:kafka')) === 3 ? true : undefined), { timeoutMs: 15_000, description: "C's events parked" });

    const desk = new ParkingDesk(parked, relay);
    const [first] = (await desk.list('HE-C')).messages;
    expect(first).toMatchObject({ eventId: unknown, type: 'ProjectTeleported v1', error: expect.stringMatching(/unknown event type ProjectTeleported v1/) });
    expect(await desk.skip('999999', 'admin@ecab')).toBeUndefined();
    const skipped = await desk.skip(first!.id, 'admin@ecab', 'written by a newer build; no reader needs it');
    expect(skipped).toMatchObject({ id: first!.id, eventId: unknown, skippedBy: 'admin@ecab', reason: 'written by a newer build; no reader needs it' });
    expect((await desk.skipped('HE-C')).map((s) => [s.eventId, s.skippedBy])).toEqual([[unknown, 'admin@ecab']]);
    expect(await desk.retry('HE-C')).toEqual({ subject: 'HE-C', applied: 2, remaining: 0 });

    const onKafka = seen(await readTopics([health], { count: 4, idleMs: 1_500 }));
    expect(versionsOf(onKafka, 'project-HE-C')).toEqual([1, 2, 3]);
    expect(versionsOf(onKafka, 'project-HE-D')).toEqual([1]);
    expect(onKafka.some((m) => m.streamId === 'teleport-HE-C')).toBe(false);
    expect(await parked.count('relay:kafka')).toBe(0);
  });
});
