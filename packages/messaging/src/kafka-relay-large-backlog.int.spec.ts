import { randomBytes } from 'node:crypto';
import { decodeCloudEvent } from '@ecab/contracts';
import { createEventStoreDataSource, PostgresEventStore, runEventStoreMigrations } from '@ecab/event-store';
import { createTestDatabase, deleteTopicsWithPrefix, readTopics, testKafkaBrokers, uniqueTopicPrefix, type TestDatabase } from '@ecab/testing';
import type { DataSource } from 'typeorm';
import { createKafka, type KafkaSettings } from './kafka-config.js';
import { KafkaRelay } from './kafka-relay.js';
import { ParkedMessageStore } from './parking/parked-message-store.js';
import { parkingMigrations } from './parking/parked-messages.migration.js';
import { ensureTopics } from './topics-admin.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Kafka's default max.message.bytes (topic) and message.max.bytes (broker): the largest record batch it takes. */
const KAFKA_DEFAULT_MAX_BATCH_BYTES = 1_048_588;

describe('KafkaRelay with a backlog larger than one record batch may be (real PostgreSQL, real Kafka)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let relay: KafkaRelay | undefined;
  const prefix = uniqueTopicPrefix('relay-large');
  const settings: KafkaSettings = { brokers: testKafkaBrokers(), clientId: 'relay-large-test', topicPrefix: prefix, partitions: 3, replicationFactor: 1 };

  beforeAll(async () => {
    database = await createTestDatabase('relay_large');
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

  it('publishes every event of one project whose backlog is over 1 MiB even compressed, in order', async () => {
    const store = new PostgresEventStore(dataSource);
    const events = 30;
    // Random bytes as base64: GZIP gains little on them, so only splitting the batch gets it under the limit.
    const notes = Array.from({ length: events }, () => randomBytes(54_000).toString('base64'));
    const backlogBytes = notes.reduce((sum, note) => sum + note.length, 0);
    expect(backlogBytes * 0.75).toBeGreaterThan(KAFKA_DEFAULT_MAX_BATCH_BYTES); // what GZIP leaves of base64, at best
    const commitment = (n: number) => ({
      type: 'CommitmentRecorded',
      schemaVersion: 1,
      data: {
        projectId: 'TR-big',
        commitmentId: `c-${n}`,
        amount: `${n}.00`,
        currency: 'USD',
        valueDate: '2024-01-01',
        financier: 'XM-DAC-46004',
        note: notes[n - 1],
      },
      metadata: { subject: 'TR-big', cluster: 'transport' },
    });
    // The whole backlog is stored before the relay starts: one read of the log takes all of it, one key, one partition.
    for (let first = 1; first <= events; first += 10) {
      await store.append(
        'project-TR-big',
        first - 1,
        Array.from({ length: 10 }, (_, k) => commitment(first + k)),
      );
    }

    relay = new KafkaRelay(dataSource, createKafka(settings), settings, { log: silent, parked: new ParkedMessageStore(dataSource), lockIntervalMs: 200 });
    await relay.start();
    const received = await readTopics([`${prefix}ecab.portfolio.transport.v1`], { count: events, timeoutMs: 40_000, idleMs: 1_000 });

    const decoded = received.map((r) => decodeCloudEvent(r.message));
    expect(decoded.map((e) => e.streamVersion)).toEqual(Array.from({ length: events }, (_, k) => k + 1));
    expect(decoded.map((e) => e.data['note'])).toEqual(notes);
    expect(new Set(received.map((r) => r.partition)).size).toBe(1);
    expect(await relay.parkedCount()).toBe(0);
  });
});
