import { DEAD_LETTER_TOPIC, EVENT_TOPICS } from '@ecab/contracts';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer, TopicPartitionOffsetAndMetadata } from 'kafkajs';
import { Partitioners } from 'kafkajs';
import type { BatchHandler, PortfolioEventSource } from './event-source.js';
import { FetchAhead, type FetchedSlice } from './fetch-ahead.js';
import type { KafkaSettings, LogSink } from './kafka-config.js';
import { deliveriesOf } from './kafka-deliveries.js';
import { GatheredCalls } from './parking/gathered-calls.js';
import type { ParkedMessageStore, RetryOutcome } from './parking/parked-message-store.js';
import { errorText, SequencedParking, type PoisonReport } from './parking/sequenced-parking.js';
import { prefixed } from './topics-admin.js';
import { whileABrokerIsAway } from './while-a-broker-is-away.js';

export interface KafkaEventSourceOptions {
  groupId: string;
  /** Defaults to every event topic (all clusters and the programme). */
  topics?: readonly string[];
  /** How often one event is tried on its own before it is parked. */
  maxAttempts?: number;
  parked: ParkedMessageStore;
  log: LogSink;
  /**
   * Partitions whose batches are handed over at once (default DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY:
   * every partition of a fetch). A subject's events share a partition, so each project's order holds; the
   * batches handed over together are applied together (SequencedParking gathers them), so a fetch of many
   * partitions with an event or two each costs one transaction, not one a partition.
   */
  partitionsConsumedConcurrently?: number;
  /**
   * At most this many events a transaction of the projection (default 1000): a fetched batch of a
   * partition is applied in slices of this size, each slice's offset committed after it.
   */
  maxEventsPerApply?: number;
  /**
   * What one fetch may bring (default 1 MiB; kafkajs' 10 MiB kept several thousand decoded events of
   * every partition in memory at once during a catch-up), and of one partition (default 256 KiB). The
   * bytes are compressed: a fetch's decoded messages take many times more heap, all held until its
   * batches are applied (during a catch-up the heap after a full collection peaked ~20 MB lower than
   * with 2 MiB and 512 KiB). The broker still answers a record batch larger than these whole, so
   * nothing stalls.
   */
  maxBytes?: number;
  maxBytesPerPartition?: number;
  /**
   * Fetch the next batches while the ones before are applied (FetchAhead): kafkajs fetches again only once
   * every batch of a fetch has been handled, so a catch-up otherwise takes turns between reading and
   * decoding a fetch and applying it. At most one fetch is held waiting; offsets are still committed only
   * after their slices were applied.
   */
  fetchAhead?: boolean;
}

/** The copy of a parked message this consumer sent to the dead-letter topic: where it was read, its project, why. */
export interface DeadLetterCopy {
  origin: string;
  subject: string;
  error: string;
}

const DEFAULT_MAX_EVENTS_PER_APPLY = 1000;
/**
 * At least the partitions of every topic a consumer reads (7 clusters' topics of 6 partitions by default):
 * with 3, a fetch's batches were applied three at a time, one group after another, and under live load
 * each group cost as much as a whole fetch's would (measured: command → visible at 100 commands/s, p50
 * ~2 s with 3, ~0.9 s with 64, and a third of the consumers' CPU a command).
 */
export const DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY = 64;
const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_MAX_BYTES_PER_PARTITION = 256 * 1024;
/** How often a batch handler waiting for the applies before it tells the group this member is alive. */
const HEARTBEAT_WHILE_WAITING_MS = 3_000;

/**
 * A thin Kafka consumer: decodes CloudEvents and hands batches to the projection. Offsets are
 * committed only after the handler's transaction committed (and poison messages were parked); a
 * redelivered batch is harmless because the handler skips stream versions it already applied.
 */
export class KafkaEventSource implements PortfolioEventSource {
  readonly transport = 'kafka' as const;
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly poisoned: DeadLetterCopy[] = [];
  private parking: SequencedParking | undefined;
  private readonly ahead: FetchAhead | undefined;
  private topics: string[] = [];
  /**
   * The offsets of the partitions' slices applied together, committed in one request: each partition's own
   * commit cost the broker and this process a request per partition of every fetch.
   */
  private readonly commits = new GatheredCalls<TopicPartitionOffsetAndMetadata>((offsets) => this.consumer.commitOffsets(offsets), Number.POSITIVE_INFINITY);

  constructor(
    kafka: Kafka,
    private readonly settings: KafkaSettings,
    private readonly options: KafkaEventSourceOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      maxBytesPerPartition: options.maxBytesPerPartition ?? DEFAULT_MAX_BYTES_PER_PARTITION,
    });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    if (options.fetchAhead === true) {
      this.ahead = new FetchAhead({
        commit: (offset) => this.commits.run([offset]),
        seek: (offset) => this.consumer.seek(offset),
        onFailure: (error) =>
          options.log.warn({ consumer: options.groupId, error: errorText(error) }, 'applying fetched batches failed; reading again from the committed offsets'),
      });
      // A rejoined group reads from the committed offsets: what was handed over before is given up.
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.ahead?.restart());
    }
  }

  /** The poison messages this instance parked and copied to the dead-letter topic since it started. */
  get deadLettered(): readonly DeadLetterCopy[] {
    return this.poisoned;
  }

  get consumerName(): string {
    return this.options.groupId;
  }

  async start(handle: BatchHandler): Promise<void> {
    this.parking = new SequencedParking(this.options.parked, this.options.groupId, handle, {
      log: this.options.log,
      ...(this.options.maxAttempts !== undefined ? { maxAttempts: this.options.maxAttempts } : {}),
      onPoison: (report) => this.copyToDeadLetterTopic(report),
    });
    // Started while a broker of the cluster restarts: wait for it rather than exit.
    const log = this.options.log;
    await whileABrokerIsAway(() => this.producer.connect(), { what: 'connecting the dead-letter producer', log });
    await whileABrokerIsAway(() => this.consumer.connect(), { what: 'connecting the consumer', log });
    const topics = (this.options.topics ?? EVENT_TOPICS).map((t) => prefixed(this.settings, t));
    this.topics = topics;
    await whileABrokerIsAway(() => this.consumer.subscribe({ topics, fromBeginning: true }), { what: 'subscribing', log });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY,
      eachBatch: (payload) => (this.ahead ? this.handOverBatch(this.ahead, payload) : this.consumeBatch(payload)),
    });
  }

  async stop(): Promise<void> {
    if (this.ahead && this.parking) {
      // Fetch nothing more, and let what was handed over be applied and committed before leaving the group.
      try {
        this.consumer.pause(this.topics.map((topic) => ({ topic })));
      } catch {
        // Not running: nothing was handed over.
      }
      await this.ahead.settled();
    }
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  async retryParked(subject: string): Promise<RetryOutcome> {
    if (!this.parking) throw new Error('the consumer has not started');
    return this.parking.retry(subject);
  }

  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const size = this.options.maxEventsPerApply ?? DEFAULT_MAX_EVENTS_PER_APPLY;
    for (let start = 0; start < batch.messages.length; start += size) {
      // A rebalance took the partition away: its new owner goes on from the last committed slice.
      if (start > 0 && (!payload.isRunning() || payload.isStale())) return;
      await this.consumeSlice(payload, batch.messages.slice(start, start + size));
      await payload.heartbeat();
    }
  }

  /**
   * The batch's slices handed over to be applied and committed in order; its offsets resolved at once, so
   * kafkajs' next fetch reads on from them while these are applied.
   */
  private async handOverBatch(ahead: FetchAhead, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const before = ahead.takeFailure();
    if (before) throw before.error;
    // A failed apply moved this partition back: this batch was read past it and is dropped.
    if (!payload.isRunning() || payload.isStale() || !this.parking) return;
    const last = batch.messages[batch.messages.length - 1];
    if (last === undefined) return;
    const size = this.options.maxEventsPerApply ?? DEFAULT_MAX_EVENTS_PER_APPLY;
    const slices: FetchedSlice[] = [];
    for (let start = 0; start < batch.messages.length; start += size) {
      const messages = batch.messages.slice(start, start + size);
      const parking = this.parking;
      slices.push({
        topic: batch.topic,
        partition: batch.partition,
        firstOffset: messages[0]!.offset,
        lastOffset: messages[messages.length - 1]!.offset,
        apply: (wanted) => parking.process(deliveriesOf(batch, messages), wanted),
      });
    }
    const appliedBefore = ahead.handOver(slices);
    payload.resolveOffset(last.offset);
    await this.whileHeartbeating(payload, appliedBefore);
    const failure = ahead.takeFailure();
    if (failure) throw failure.error;
  }

  private async whileHeartbeating(payload: EachBatchPayload, done: Promise<void>): Promise<void> {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        done.then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), HEARTBEAT_WHILE_WAITING_MS))),
      ]);
      clearTimeout(timer);
      await payload.heartbeat();
      if (finished) return;
    }
  }

  private async consumeSlice(payload: EachBatchPayload, messages: readonly KafkaMessage[]): Promise<void> {
    const { batch } = payload;
    const last = messages[messages.length - 1];
    if (last === undefined || !this.parking) return;
    const deliveries = deliveriesOf(batch, messages);
    await this.parking.process(deliveries);
    payload.resolveOffset(last.offset);
    await this.commits.run([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }]);
  }

  private async copyToDeadLetterTopic({ delivery, error }: PoisonReport): Promise<void> {
    const [topic, partition, offset] = delivery.origin.split(/[/@]/);
    await this.producer.send({
      topic: prefixed(this.settings, DEAD_LETTER_TOPIC),
      acks: -1,
      messages: [
        {
          key: delivery.message.key,
          value: delivery.message.value === null ? null : Buffer.from(delivery.message.value, 'base64'),
          headers: {
            ...delivery.message.headers,
            ecab_dlq_error: error,
            ecab_dlq_topic: topic ?? '',
            ecab_dlq_partition: partition ?? '',
            ecab_dlq_offset: offset ?? '',
            ecab_dlq_group: this.options.groupId,
          },
        },
      ],
    });
    this.poisoned.push({ origin: delivery.origin, subject: delivery.subject, error });
  }
}
