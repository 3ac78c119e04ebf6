import { decodeCloudEvent, encodeCloudEvent } from '@ecab/contracts';
import { createEventStoreDataSource, LOG_START, LogReader, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import { createTestDatabase, deleteTopicsWithPrefix, readTopics, testKafkaBrokers, uniqueTopicPrefix, waitFor, type TestDatabase } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import { createKafka, type KafkaSettings } from './kafka-config.js';
import { KafkaRelay } from './kafka-relay.js';
import { ParkedMessageStore } from './parking/parked-message-store.js';
import { parkingMigrations } from './parking/parked-messages.migration.js';
import { portfolioEventFromRecorded } from './recorded-to-portfolio-event.js';
import { ensureTopics } from './topics-admin.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('KafkaRelay (real PostgreSQL, real Kafka)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const prefix = uniqueTopicPrefix('relay');
  const settings: KafkaSettings = { brokers: testKafkaBrokers(), clientId: 'relay-test', topicPrefix: prefix, partitions: 3, replicationFactor: 1 };
  const relays: KafkaRelay[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('relay');
    dataSource = createEventStoreDataSource(database.url, { extraMigrations: parkingMigrations });
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    store = new PostgresEventStore(dataSource);
    await ensureTopics(createKafka(settings), settings);
  });

  afterAll(async () => {
    for (const relay of relays) await relay.stop();
    await dataSource.destroy();
    await database.drop();
    await deleteTopicsWithPrefix(prefix);
  });

  const registered = (projectId: string, cluster: string) => ({
    type: 'ProjectRegistered',
    schemaVersion: 1,
    data: { projectId, title: `Project ${projectId}`, cluster, countries: [{ code: 'KZ', percentage: 100 }] },
    metadata: { subject: projectId, cluster, correlationId: `corr-${projectId}` },
  });
  const committed = (projectId: string, cluster: string, n: number) => ({
    type: 'CommitmentRecorded',
    schemaVersion: 1,
    data: { projectId, commitmentId: `c-${n}`, amount: `${n}.00`, currency: 'USD', valueDate: '2024-01-01', financier: 'XM-DAC-46004' },
    metadata: { subject: projectId, cluster },
  });

  it('publishes every event once to its cluster topic, in stream order per project, and only one relay is active', async () => {
    await store.append('project-TR-1', 0, [registered('TR-1', 'transport'), committed('TR-1', 'transport', 1)]);
    await store.append('project-HE-1', 0, [registered('HE-1', 'health')]);

    const first = new KafkaRelay(dataSource, createKafka(settings), settings, { log: silent, parked: new ParkedMessageStore(dataSource), lockIntervalMs: 200 });
    const second = new KafkaRelay(dataSource, createKafka(settings), settings, {
      log: silent,
      parked: new ParkedMessageStore(dataSource),
      lockIntervalMs: 200,
    });
    relays.push(first, second);
    await first.start();
    await second.start();
    await waitFor(async () => (first.isActive || second.isActive ? true : undefined), { timeoutMs: 10_000, description: 'a relay to become active' });
    expect([first.isActive, second.isActive].filter(Boolean)).toHaveLength(1);

    for (let n = 2; n <= 5; n++) await store.append('project-TR-1', n, [committed('TR-1', 'transport', n)]);

    const transport = await readTopics([`${prefix}ecab.portfolio.transport.v1`], { count: 6, idleMs: 1_000 });
    const health = await readTopics([`${prefix}ecab.portfolio.health.v1`], { count: 1, idleMs: 500 });
    expect(health).toHaveLength(1);
    const versions = transport.map((r) => decodeCloudEvent(r.message).streamVersion);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(transport.map((r) => r.partition)).size).toBe(1);
    const decoded = decodeCloudEvent(transport[0]!.message);
    expect(decoded).toMatchObject({ type: 'ProjectRegistered', subject: 'TR-1', cluster: 'transport', correlationId: 'corr-TR-1' });
  });

  it('hands over to the standby when the active relay stops, losing nothing', async () => {
    const active = relays.find((r) => r.isActive)!;
    const standby = relays.find((r) => r !== active)!;
    await active.stop();
    await waitFor(async () => (standby.isActive ? true : undefined), { timeoutMs: 10_000, description: 'the standby to take over' });
    await store.append('project-TR-1', 6, [committed('TR-1', 'transport', 6)]);
    const transport = await readTopics([`${prefix}ecab.portfolio.transport.v1`], { count: 7, idleMs: 1_000 });
    const versions = transport.map((r) => decodeCloudEvent(r.message).streamVersion);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('publishes each event as the bytes encodeCloudEvent writes for it, though it never decodes the stored data', async () => {
    const stored = await new LogReader(dataSource).readBatch(LOG_START, 100);
    const expected = new Map(stored.map((recorded) => [recorded.eventId, encodeCloudEvent(portfolioEventFromRecorded(recorded))]));
    const published = await readTopics([`${prefix}ecab.portfolio.transport.v1`, `${prefix}ecab.portfolio.health.v1`], { count: 8, idleMs: 1_000 });
    expect(published).toHaveLength(8);
    for (const { message } of published) {
      const record = expected.get(message.headers?.ce_id?.toString() ?? '')!;
      expect(message.key?.toString()).toBe(record.key);
      expect(message.value?.equals(record.value)).toBe(true);
      expect(Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString()]))).toEqual(record.headers);
      // The same headers in the same order.
      expect(Object.keys(message.headers ?? {})).toEqual(Object.keys(record.headers));
    }
  });
});
