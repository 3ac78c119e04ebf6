import { envWholeNumber } from '@ecab/config';
import { unzipSync } from 'node:zlib';
import kafkajs, { CompressionTypes, Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import { quietIdleRequestQueues } from './kafkajs-request-queue.js';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic name; empty in production, unique per suite in tests. */
  topicPrefix: string;
  partitions: number;
  replicationFactor: number;
}

/** Reads KAFKA_BROKERS and friends; undefined when the platform runs without Kafka. */
export function kafkaSettingsFromEnv(clientId: string, env: NodeJS.ProcessEnv = process.env): KafkaSettings | undefined {
  const brokers = env.KAFKA_BROKERS?.split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (!brokers || brokers.length === 0) return undefined;
  return {
    brokers,
    clientId,
    topicPrefix: env.KAFKA_TOPIC_PREFIX ?? '',
    partitions: positiveInt(env.KAFKA_PARTITIONS, 6, 'KAFKA_PARTITIONS'),
    replicationFactor: positiveInt(env.KAFKA_REPLICATION_FACTOR, 1, 'KAFKA_REPLICATION_FACTOR'),
  };
}

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  return envWholeNumber({ [name]: raw }, name, fallback, { min: 1 });
}

export interface LogSink {
  debug?(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Answers of the broker that kafkajs logs at error level and then retries: a fresh broker (or new topics)
 * has no group coordinator or partition leader for a moment. Seen on every first start; nothing to act on.
 * A condition that lasts ends in an error our own code logs.
 */
const RETRIED_BROKER_ANSWERS = [
  'The group coordinator is not available',
  "The coordinator is loading and hence can't process requests for this group",
  'This is not the correct coordinator for this group',
  'There is no leader for this topic-partition as we are in the middle of a leadership election',
  'This server does not host this topic-partition',
  'This server is not the leader for that topic-partition',
  'The preferred leader was not available',
];

/**
 * Requests whose failed answers our own code handles: `ensureTopics` meets "Topic creation errors" when two
 * services create the same topic at the same moment, and fails itself (logged by the caller) only if a topic is
 * still missing afterwards.
 */
const HANDLED_BY_CALLER = ['Response CreateTopics('];

/** The level a kafkajs log entry deserves in the service's log. */
export function kafkaEntryLevel(level: logLevel, log: { message: string; error?: unknown }): 'debug' | 'info' | 'warn' | 'error' {
  if (level <= logLevel.ERROR) {
    const retried = log.message.startsWith('Response ') && typeof log.error === 'string' && RETRIED_BROKER_ANSWERS.some((answer) => log.error === answer);
    const handled = HANDLED_BY_CALLER.some((request) => log.message.startsWith(request));
    return retried || handled ? 'debug' : 'error';
  }
  return level === logLevel.WARN ? 'warn' : 'info';
}

/** kafkajs' own log lines go to the service's structured log. */
function kafkaLogCreator(sink: LogSink): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const entry = { kafka: namespace, ...extra };
      const chosen = kafkaEntryLevel(level, log);
      if (chosen === 'debug') sink.debug?.(entry, message);
      else sink[chosen](entry, message);
    };
}

interface CompressionCodec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}

let inflatingInPlace = false;

/**
 * kafkajs inflates every gzip record batch through an asynchronous zlib stream on the thread pool. Under live
 * load a batch holds an event or two, and the stream and the hand-over cost several times the inflating itself
 * (measured: ~50-70 µs of CPU a small batch, ~8 µs inflated in place): a consumer paid it for nearly every
 * event. Batches are inflated in place instead (the largest a fetch brings, 1 MiB, takes milliseconds);
 * compressing is kafkajs' own.
 */
export function inflateGzipBatchesInPlace(): void {
  if (inflatingInPlace) return;
  inflatingInPlace = true;
  // Not a named import: Node's ESM loader does not find this one among kafkajs' CommonJS exports.
  const codecs = kafkajs.CompressionCodecs;
  const gzip = codecs[CompressionTypes.GZIP];
  codecs[CompressionTypes.GZIP] = (): CompressionCodec => ({
    ...(gzip() as CompressionCodec),
    // In the executor: a corrupt batch rejects, as kafkajs' own codec does.
    decompress: (buffer: Buffer) => new Promise<Buffer>((resolve) => resolve(unzipSync(buffer))),
  });
}

export function createKafka(settings: KafkaSettings, sink?: LogSink): Kafka {
  inflateGzipBatchesInPlace();
  quietIdleRequestQueues();
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    ...(sink ? { logCreator: kafkaLogCreator(sink) } : {}),
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
  });
}
