import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';

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
  const brokers = env.KAFKA_BROKERS?.split(',').map((b) => b.trim()).filter(Boolean);
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
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export interface LogSink {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** kafkajs' own log lines go to the service's structured log. */
function kafkaLogCreator(sink: LogSink): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const entry = { kafka: namespace, ...extra };
      if (level <= logLevel.ERROR) sink.error(entry, message);
      else if (level === logLevel.WARN) sink.warn(entry, message);
      else sink.info(entry, message);
    };
}

export function createKafka(settings: KafkaSettings, sink?: LogSink): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    ...(sink ? { logCreator: kafkaLogCreator(sink) } : {}),
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
  });
}
