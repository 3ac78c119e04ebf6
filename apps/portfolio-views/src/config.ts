import { authConfigFromEnv, type AuthConfig } from '@ecab/auth';
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
  auth: AuthConfig;
}

/**
 * The views issue no tokens: by default they trust portfolio-api's, through its JWKS (API_URL), unless
 * AUTH_* says otherwise (e.g. an external OIDC issuer).
 */
function viewsAuthEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const apiUrl = env.API_URL ?? 'http://127.0.0.1:3001';
  return {
    AUTH_LOCAL_TOKENS: 'false',
    AUTH_OIDC_ISSUER: env.AUTH_ISSUER ?? 'urn:ecab:portfolio',
    AUTH_JWKS_URL: `${apiUrl}/.well-known/jwks.json`,
    ...env,
  };
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
    auth: authConfigFromEnv(viewsAuthEnv(env)),
  };
}
