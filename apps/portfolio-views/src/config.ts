import { authConfigTrustingApi, type AuthConfig } from '@ecab/auth';
import { databaseUrlFromEnv, envWholeNumber, listenAddressFromEnv } from '@ecab/config';
import { kafkaSettingsFromEnv, type KafkaSettings } from '@ecab/messaging';
import { DEFAULT_FRESHNESS_MAX_AGE_MS } from './http/freshness-cache.js';

export interface ViewsConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Kafka when KAFKA_BROKERS is set, else the event store's own log (the embedded default). */
  kafka: KafkaSettings | undefined;
  consumerGroup: string;
  /** How long `?consistentWith=` waits for a version before answering 409. */
  consistencyWaitMs: number;
  /** How long a freshness reading (ECAB-Position, ECAB-Lag-Ms) is shared by the reads that follow. */
  freshnessMaxAgeMs: number;
  auth: AuthConfig;
}

export function viewsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ViewsConfig {
  return {
    ...listenAddressFromEnv(env, 3002),
    databaseUrl: databaseUrlFromEnv(env),
    kafka: kafkaSettingsFromEnv('ecab-portfolio-views', env),
    consumerGroup: env.VIEWS_CONSUMER_GROUP ?? 'ecab.portfolio-views',
    consistencyWaitMs: envWholeNumber(env, 'CONSISTENCY_WAIT_MS', 2_000, { unit: 'milliseconds' }),
    freshnessMaxAgeMs: envWholeNumber(env, 'FRESHNESS_MAX_AGE_MS', DEFAULT_FRESHNESS_MAX_AGE_MS, { unit: 'milliseconds' }),
    // The views issue no tokens: they trust portfolio-api's unless AUTH_* says otherwise.
    auth: authConfigTrustingApi(env),
  };
}
