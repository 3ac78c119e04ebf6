import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import { createTestDatabase, deleteTopicsWithPrefix, readTopics, testKafkaBrokers, uniqueTopicPrefix, waitFor, type TestDatabase } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import { createKafka, type KafkaSettings } from './kafka-config.js';
import { KafkaRelay } from './kafka-relay.js';
import { ParkedMessageStore } from './parking/parked-message-store.js';
import { parkingMigrations } from './parking/parked-messages.migration.js';
import { ensureTopics } from './topics-admin.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('KafkaRelay parking across batches (real PostgreSQL, real Kafka)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let relay: KafkaRelay | undefined;
  const prefix = uniqueTopicPrefix('relay-parking-batches');
  const settings: KafkaSettings = {
    brokers: testKafkaBrokers(),
    clientId: 'relay-parking-batches-test',
    topicPrefix: prefix,
    partitions: 3,
    replicationFactor: 1,
  };

  beforeAll(async () => {
    database = await createTestDatabase('relay_parking_batches');
    dataSource = createEventStoreDataSource(database.url, { extraMigrations: parkingMigrations });
    await dataSource.initialize();
    await runEventStoreMigrations(dataSource);
    await ensureTopics(createKafka(settings), settings);
  });

  afterAll(async () => {
    await relay?.stop();
    await dataSource.destroy();
    await database.drop();
    await deleteTopicsWithPrefix(prefix);
  });

  const committed = (projectId: string, n: number) => ({
    type: 'CommitmentRecorded',
    schemaVersion: 1,
    data: { projectId, commitmentId: `c-${n}`, amount: `${n}.00`, currency: 'USD', valueDate: '2024-01-01', financier: 'XM-DAC-46004' },
    metadata: { subject: projectId, cluster: 'transport' },
  });

  it('parks every later event of a project behind one it cannot publish, even those of the next batches', async () => {
    const store = new PostgresEventStore(dataSource);
    const parked = new ParkedMessageStore(dataSource);
    // Log order, one transaction each: A1, then A2 from a newer build, then A3..A8 and B1..B6 alternating.
    await store.append('project-PA-A', 0, [committed('PA-A', 1)]);
    await dataSource.query(
      `insert into events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
       values ('project-PA-A', 2, gen_random_uuid(), 'CommitmentRecorded', 99, $1, $2)`,
      [JSON.stringify({ projectId: 'PA-A' }), JSON.stringify({ subject: 'PA-A', cluster: 'transport' })],
    );
    for (let n = 1; n <= 6; n += 1) {
      await store.append('project-PA-A', n + 1, [committed('PA-A', n + 2)]);
      await store.append('project-PA-B', n - 1, [committed('PA-B', n)]);
    }

    relay = new KafkaRelay(dataSource, createKafka(settings), settings, { log: silent, parked, batchSize: 2, pollIntervalMs: 50, lockIntervalMs: 100 });
    await relay.start();
    await waitFor(async () => (relay!.publishedCount === 7 && (await parked.count('relay:kafka')) === 7 ? true : undefined), {
      timeoutMs: 20_000,
      description: "B's six events and A1 published, A2..A8 parked",
    });

    const onKafka = (await readTopics([`${prefix}ecab.portfolio.transport.v1`], { count: 7, idleMs: 1_500 })).map(({ message }) => [
      message.headers?.ce_streamid?.toString(),
      Number(message.headers?.ce_streamversion?.toString()),
    ]);
    expect(onKafka.filter(([stream]) => stream === 'project-PA-A')).toEqual([['project-PA-A', 1]]);
    expect(onKafka.filter(([stream]) => stream === 'project-PA-B')).toEqual([1, 2, 3, 4, 5, 6].map((v) => ['project-PA-B', v]));
    const parkedA = await parked.list({ consumer: 'relay:kafka', subject: 'PA-A' });
    // Parked in log order: origins log@<position>, positions rising.
    const positions = parkedA.map((m) => BigInt(m.origin.replace('log@', '')));
    expect(positions.every((position, index) => index === 0 || positions[index - 1]! < position)).toBe(true);
    expect(parkedA).toHaveLength(7);
    expect(parkedA[0]!.error).toMatch(/CommitmentRecorded v99/);
    expect(parkedA.slice(1).every((m) => /waiting behind/.test(m.error))).toBe(true);
  });
});
