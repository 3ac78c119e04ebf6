import { DEAD_LETTER_TOPIC, decodeCloudEvent, EVENT_TOPICS, type PortfolioEvent } from '@ecab/contracts';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { Partitioners } from 'kafkajs';
import type { BatchHandler, PortfolioEventSource } from './event-source.js';
import type { KafkaSettings, LogSink } from './kafka-config.js';
import { prefixed } from './topics-admin.js';

export interface KafkaEventSourceOptions {
  groupId: string;
  /** Defaults to every event topic (all clusters and the programme). */
  topics?: readonly string[];
  /** How often one event is tried on its own before it is dead-lettered. */
  maxAttempts?: number;
  log: LogSink;
}

export interface DeadLetter {
  topic: string;
  partition: number;
  offset: string;
  error: string;
}

/**
 * A thin Kafka consumer: decodes CloudEvents and hands batches to the projection. Offsets are
 * committed only after the handler's transaction committed; a redelivered batch is harmless
 * because the handler skips stream versions it already applied.
 */
export class KafkaEventSource implements PortfolioEventSource {
  readonly transport = 'kafka' as const;
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly deadLetters: DeadLetter[] = [];

  constructor(
    kafka: Kafka,
    private readonly settings: KafkaSettings,
    private readonly options: KafkaEventSourceOptions,
  ) {
    this.consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  }

  /** The messages this instance sent to the dead-letter topic since it started. */
  get deadLettered(): readonly DeadLetter[] {
    return this.deadLetters;
  }

  async start(handle: BatchHandler): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    const topics = (this.options.topics ?? EVENT_TOPICS).map((t) => prefixed(this.settings, t));
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.consumeBatch(payload, handle),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  private async consumeBatch(payload: EachBatchPayload, handle: BatchHandler): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    const decoded: { message: KafkaMessage; event: PortfolioEvent }[] = [];
    for (const message of batch.messages) {
      try {
        decoded.push({ message, event: decodeCloudEvent(message) });
      } catch (error) {
        await this.deadLetter(batch.topic, batch.partition, message, error);
      }
    }
    try {
      await handle(decoded.map((d) => d.event));
    } catch (batchError) {
      this.options.log.warn({ topic: batch.topic, partition: batch.partition, error: errorText(batchError) }, 'batch failed; applying its events one by one');
      for (const { message, event } of decoded) {
        await this.applyAlone(batch.topic, batch.partition, message, event, handle);
        await payload.heartbeat();
      }
    }
    const last = batch.messages[batch.messages.length - 1];
    if (last === undefined) return;
    payload.resolveOffset(last.offset);
    await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }]);
  }

  private async applyAlone(topic: string, partition: number, message: KafkaMessage, event: PortfolioEvent, handle: BatchHandler): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await handle([event]);
        return;
      } catch (error) {
        if (attempt >= maxAttempts) {
          await this.deadLetter(topic, partition, message, error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown): Promise<void> {
    const reason = errorText(error);
    this.options.log.error({ topic, partition, offset: message.offset, error: reason }, 'message dead-lettered');
    const headers: Record<string, string | Buffer> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined) headers[name] = first;
    }
    Object.assign(headers, {
      ecab_dlq_error: reason,
      ecab_dlq_topic: topic,
      ecab_dlq_partition: String(partition),
      ecab_dlq_offset: message.offset,
      ecab_dlq_group: this.options.groupId,
    });
    await this.producer.send({
      topic: prefixed(this.settings, DEAD_LETTER_TOPIC),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
    this.deadLetters.push({ topic, partition, offset: message.offset, error: reason });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
