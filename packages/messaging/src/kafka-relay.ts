import { encodeCloudEvent, topicFor, type KafkaRecord, type PortfolioEvent } from '@ecab/contracts';
import { Leadership, LogSubscription, type RecordedEventJson } from '@ecab/event-store';
import { CompressionTypes, type Kafka, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { PartitionChoices } from './acknowledged-partitions.js';
import type { KafkaSettings, LogSink } from './kafka-config.js';
import { storedEventOf } from './parking/event-wire.js';
import type { ParkedMessageStore, RetryOutcome } from './parking/parked-message-store.js';
import { errorText } from './parking/sequenced-parking.js';
import { DEFAULT_MAX_REQUEST_BYTES } from './record-batches.js';
import { prepareRelayBatch, type RelayBatchOptions } from './relay-batches.js';
import { prefixed } from './topics-admin.js';

/** The advisory lock that makes one relay active; any other instance waits as a hot standby. */
export const RELAY_LOCK_KEY = 0x4543_4142; // "ECAB"

export interface KafkaRelayOptions {
  log: LogSink;
  /**
   * Where an event that cannot be published waits (an event this build has no contract for: a newer build
   * wrote it), with every later event of its project, under consumer = the checkpoint name.
   */
  parked: ParkedMessageStore;
  /**
   * A stand-in for this build's encoder: a test stands in a newer build with it. Without it, the log's events go out
   * through `encodeCloudEventJson` (their data as read) and parked ones, on a retry, through `encodeCloudEvent`.
   */
  encode?: (event: PortfolioEvent) => KafkaRecord;
  checkpointName?: string;
  batchSize?: number;
  /**
   * Most bytes of records in one produce request (default DEFAULT_MAX_REQUEST_BYTES, under Kafka's 1 MiB
   * max.message.bytes): a batch read from the log is sent as several requests, in order, when larger.
   */
  maxRequestBytes?: number;
  /** How record batches are compressed (default GZIP, which kafkajs reads and writes without a codec package). */
  compression?: CompressionTypes;
  /** How often a standby tries to take the lock, and the leader checks it still holds it. */
  lockIntervalMs?: number;
  pollIntervalMs?: number;
  /** Caught up, how long to wait before reading the next batch (LogSubscriptionOptions.gatherMs; default RELAY_GATHER_MS_DEFAULT). */
  gatherMs?: number;
}

/**
 * The relay's default wait before reading on when caught up. Measured with the whole platform under 16 closed-loop
 * clients on two cores (docs/BENCHMARKS.md): the larger batches cut the consumers', the broker's and PostgreSQL's
 * work per command; command → visible grows by at most this much.
 */
export const RELAY_GATHER_MS_DEFAULT = 10;

/**
 * Publishes the event store's log to Kafka: gap-safe log reader → idempotent producer (acks=all),
 * key = project id, one topic per cluster; a batch read from the log goes as GZIP-compressed requests of
 * at most maxRequestBytes, one after another. The checkpoint advances only after Kafka acknowledged,
 * so a crash republishes (consumers skip duplicates) and never loses. Each event's data goes out as the JSON
 * text the log was read with, never decoded and encoded again (prepareRelayBatch).
 *
 * An event it cannot encode (no contract in this build: an unknown type, or a schema version newer than it
 * knows) does not halt the log: it is parked in the stored form with its project, every later event of that
 * project is parked behind it in order, and the other projects go on. After a fix (a build that knows the
 * contract, or an admin skipping the event for good), `retryParked(project)` publishes them in order.
 */
export class KafkaRelay {
  private producer: Producer;
  /** Set when the producer was replaced: the new one connects before its first send. */
  private producerToConnect = false;
  private subscription: LogSubscription<RecordedEventJson> | undefined;
  /** One active relay per database, the others hot standbys: the holder of RELAY_LOCK_KEY publishes. */
  private readonly leadership: Leadership;
  private published = 0;
  private retryProducer: Producer | undefined;

  constructor(
    private readonly dataSource: DataSource,
    kafka: Kafka,
    private readonly settings: KafkaSettings,
    private readonly options: KafkaRelayOptions,
  ) {
    this.newProducer = () => kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: this.partitions.createPartitioner });
    this.producer = this.newProducer();
    this.batchOptions = {
      parked: options.parked,
      consumer: this.consumerName,
      encode: options.encode,
      topicOf: (cluster) => this.topicOf(cluster),
      maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
      log: options.log,
    };
    this.leadership = new Leadership(dataSource, {
      name: 'relay',
      lockKey: RELAY_LOCK_KEY,
      intervalMs: options.lockIntervalMs ?? 1_000,
      log: options.log,
      lead: () => this.lead(),
      standDown: () => this.standDown(),
    });
  }

  /** The partition each message went to, to check that Kafka's answer names them all. */
  private readonly partitions = new PartitionChoices();

  private readonly newProducer: () => Producer;

  private readonly batchOptions: RelayBatchOptions;

  /** Each cluster's topic, prefixed: looked up per event. */
  private readonly topics = new Map<string | undefined, string>();

  get isActive(): boolean {
    return this.subscription !== undefined;
  }

  get publishedCount(): number {
    return this.published;
  }

  get checkpointName(): string {
    return this.options.checkpointName ?? 'relay:kafka';
  }

  /** Who its parked messages belong to: the checkpoint name. */
  get consumerName(): string {
    return this.checkpointName;
  }

  /** Events parked by the relay (unpublishable, or waiting behind one of their project). */
  parkedCount(): Promise<number> {
    return this.options.parked.count(this.consumerName);
  }

  async start(): Promise<void> {
    await this.leadership.start();
  }

  async stop(): Promise<void> {
    await this.leadership.stop();
    await this.retryProducer?.disconnect().catch(() => undefined);
    this.retryProducer = undefined;
  }

  /** Elected: connect the producer and follow the log from the checkpoint. */
  private async lead(): Promise<void> {
    this.options.log.info({}, 'relay is now the active publisher');
    await this.producer.connect();
    const subscription = new LogSubscription<RecordedEventJson>(this.dataSource, {
      name: this.checkpointName,
      batchSize: this.options.batchSize ?? 1_000,
      ...(this.options.pollIntervalMs !== undefined ? { pollIntervalMs: this.options.pollIntervalMs } : {}),
      gatherMs: this.options.gatherMs ?? RELAY_GATHER_MS_DEFAULT,
      // The data stays JSON text from PostgreSQL to Kafka.
      read: (reader, after, limit, saving) => reader.readJsonBatch(after, limit, saving),
      handle: (batch) => this.publish(batch),
      // Kafka or PostgreSQL down: the subscription retries with backoff; say so in the service's log.
      onError: (error, { attempt, during }) =>
        this.options.log.warn({ attempt, during, error: error instanceof Error ? error.message : String(error) }, 'relay could not publish; retrying'),
    });
    this.subscription = subscription;
    await subscription.start();
  }

  /** Stopped, or the lock session was lost (another relay may lead already): stop publishing at once. */
  private async standDown(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
  }

  /**
   * Publishes a project's parked events in order, with this build's encoder, and unparks each once Kafka
   * acknowledged it; stops at the first that still cannot be encoded. Any instance may run it (an admin
   * endpoint): the parking lock keeps the live relay from publishing that project meanwhile.
   */
  async retryParked(subject: string): Promise<RetryOutcome> {
    const parked = this.options.parked;
    return parked.exclusively(this.consumerName, async () => {
      const messages = await parked.list({ consumer: this.consumerName, subject });
      let applied = 0;
      let producer: Producer | undefined;
      for (const [index, message] of messages.entries()) {
        let topic: string;
        let record: KafkaRecord;
        try {
          const event = storedEventOf(message.message);
          record = this.encode(event);
          topic = prefixed(this.settings, topicFor(event.cluster));
        } catch (error) {
          const text = errorText(error);
          await parked.recordFailedRetry(message.id, text);
          return { subject, applied, remaining: messages.length - index, error: text };
        }
        producer ??= await this.connectedRetryProducer();
        await producer.send({ topic, acks: -1, compression: this.compression, messages: [{ key: record.key, value: record.value, headers: record.headers }] });
        await parked.remove(message.id);
        applied += 1;
      }
      this.published += applied;
      return { subject, applied, remaining: 0 };
    });
  }

  /**
   * The broker no longer accepts this producer's sequence numbers (it restarted while a request was in
   * flight, or expired the producer's state): the same producer would be refused forever. A new producer
   * gets a new id and starts its sequences afresh; the batch is sent again (copies are possible, and
   * consumers skip them by stream and version).
   */
  private async renewProducer(cause: unknown): Promise<void> {
    this.options.log.warn({ error: errorText(cause) }, 'relay producer refused by the broker (its sequence state is gone); starting a new producer');
    const old = this.producer;
    this.producer = this.newProducer();
    this.producerToConnect = true;
    await old.disconnect().catch(() => undefined);
  }

  private get compression(): CompressionTypes {
    return this.options.compression ?? CompressionTypes.GZIP;
  }

  private get encode(): (event: PortfolioEvent) => KafkaRecord {
    return this.options.encode ?? encodeCloudEvent;
  }

  private topicOf(cluster: string | undefined): string {
    let topic = this.topics.get(cluster);
    if (topic === undefined) {
      topic = prefixed(this.settings, topicFor(cluster));
      this.topics.set(cluster, topic);
    }
    return topic;
  }

  private async connectedRetryProducer(): Promise<Producer> {
    if (!this.retryProducer) {
      const producer = this.newProducer();
      await producer.connect();
      this.retryProducer = producer;
    }
    return this.retryProducer;
  }

  private async publish(batch: RecordedEventJson[]): Promise<void> {
    if (batch.length === 0) return;
    // Under the shared parking lock, from the check for parked projects to the parking: a retry waits meanwhile.
    const prepared = await prepareRelayBatch(this.batchOptions, batch);
    try {
      // Kafka first, then parking: a failure in between gives the whole batch back, to be published again
      // (consumers skip duplicates) and parked again (once: a message already parked from its origin is not).
      try {
        if (this.producerToConnect) {
          await this.producer.connect();
          this.producerToConnect = false;
        }
        for (const topicMessages of prepared.requests) {
          const answer = await this.producer.sendBatch({ acks: -1, compression: this.compression, topicMessages });
          const missing = this.partitions.unacknowledged(topicMessages, answer);
          if (missing.length > 0) throw new Error(`Kafka's answer does not name ${missing.join(', ')}: the batch goes again`);
        }
      } catch (error) {
        if (producerStateLost(error)) await this.renewProducer(error);
        throw error; // the log subscription retries the batch
      }
      await this.options.parked.park(this.consumerName, prepared.toPark);
      this.published += prepared.outgoing;
    } finally {
      prepared.releaseParkingLock();
    }
  }
}

/** Kafka error types after which an idempotent producer's own state is useless (KIP-360). */
const PRODUCER_STATE_LOST = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH', 'INVALID_PRODUCER_ID_MAPPING']);

/** Whether a kafkajs error (or one it wraps: `cause`, `originalError`) says the producer's state is lost. */
export function producerStateLost(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { type, cause, originalError } = error as { type?: unknown; cause?: unknown; originalError?: unknown };
  if (typeof type === 'string' && PRODUCER_STATE_LOST.has(type)) return true;
  return producerStateLost(cause, depth + 1) || producerStateLost(originalError, depth + 1);
}
