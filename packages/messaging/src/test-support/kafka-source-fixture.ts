import { createTestDatabase, deleteTopicsWithPrefix, testKafkaBrokers, uniqueTopicPrefix, type TestDatabase } from '@ecab/testing';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createKafka, type KafkaSettings } from '../kafka-config.js';
import { ParkedMessageStore } from '../parking/parked-message-store.js';
import { parkingMigrations } from '../parking/parked-messages.migration.js';
import { ensureTopics } from '../topics-admin.js';

/**
 * What a KafkaEventSource spec runs against: topics of its own (two partitions each) on the real broker, and a
 * database of its own holding the parked messages. `setUp` in beforeAll, `tearDown` in afterAll.
 */
export class KafkaSourceFixture {
  readonly prefix: string;
  readonly settings: KafkaSettings;
  readonly kafka: Kafka;
  /** The tourism topic, with the prefix. */
  readonly topic: string;
  private database: TestDatabase | undefined;
  private dataSource: DataSource | undefined;

  constructor(private readonly name: string) {
    this.prefix = uniqueTopicPrefix(name);
    this.settings = { brokers: testKafkaBrokers(), clientId: `${name}-test`, topicPrefix: this.prefix, partitions: 2, replicationFactor: 1 };
    this.kafka = createKafka(this.settings);
    this.topic = `${this.prefix}ecab.portfolio.tourism.v1`;
  }

  /** Creates the topics and the database; answers the store of parked messages. */
  async setUp(): Promise<ParkedMessageStore> {
    await ensureTopics(this.kafka, this.settings);
    this.database = await createTestDatabase(this.name);
    this.dataSource = new DataSource({ type: 'postgres', url: this.database.url, migrations: parkingMigrations });
    await this.dataSource.initialize();
    await this.dataSource.runMigrations();
    return new ParkedMessageStore(this.dataSource);
  }

  async tearDown(): Promise<void> {
    await this.dataSource?.destroy();
    await this.database?.drop();
    await deleteTopicsWithPrefix(this.prefix);
  }

  /** Messages the group has committed past, summed over the tourism topic's partitions. */
  async committedOffsetTotal(groupId: string): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [this.topic] });
      return (offsets?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    } finally {
      await admin.disconnect();
    }
  }
}
