import { kafkaSettingsFromEnv, type KafkaSettings } from '@ecab/messaging';

export interface ViewsConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Kafka when KAFKA_BROKERS is set, else the event store's own log (the embedded default). */
  kafka: KafkaSettings | undefined;
  consumerGroup: string;
  /** How long `?consistentWith=` waits for a version before answering 409. */
  consistencyWaitMs: number;
}

export function viewsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ViewsConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded PostgreSQL)');
  return {
    port: Number(env.PORT ?? 3002),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    kafka: kafkaSettingsFromEnv('ecab-portfolio-views', env),
    consumerGroup: env.VIEWS_CONSUMER_GROUP ?? 'ecab.portfolio-views',
    consistencyWaitMs: Number(env.CONSISTENCY_WAIT_MS ?? 2000),
  };
}
