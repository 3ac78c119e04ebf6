import { authConfigFromEnv, type AuthConfig } from '@ecab/auth';
import { kafkaSettingsFromEnv, type KafkaSettings } from '@ecab/messaging';
import { parseRetrySchedule, SVIX_SCHEDULE } from './delivery/retry-schedule.js';
import type { DispatcherSettings } from './delivery/webhook-dispatcher.js';

export interface GatewayConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Kafka when KAFKA_BROKERS is set, else the event store's own log (the embedded default). */
  kafka: KafkaSettings | undefined;
  consumerGroup: string;
  auth: AuthConfig;
  webhooks: DispatcherSettings;
  secretOverlapMs: number;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

/** Like portfolio-views, the gateway issues no tokens: it trusts portfolio-api's (admins) through its JWKS (API_URL). */
function gatewayAuthEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const apiUrl = env.API_URL ?? 'http://127.0.0.1:3001';
  return { AUTH_LOCAL_TOKENS: 'false', AUTH_OIDC_ISSUER: env.AUTH_ISSUER ?? 'urn:ecab:portfolio', AUTH_JWKS_URL: `${apiUrl}/.well-known/jwks.json`, ...env };
}

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded PostgreSQL)');
  return {
    port: Number(env.PORT ?? 3003),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    kafka: kafkaSettingsFromEnv('ecab-partner-gateway', env),
    consumerGroup: env.GATEWAY_CONSUMER_GROUP ?? 'ecab.partner-gateway',
    auth: authConfigFromEnv(gatewayAuthEnv(env)),
    webhooks: {
      schedule: parseRetrySchedule(env.WEBHOOK_RETRY_SCHEDULE ?? SVIX_SCHEDULE),
      timeoutMs: number(env, 'WEBHOOK_TIMEOUT_MS', 15_000),
      pollMs: number(env, 'WEBHOOK_POLL_MS', 500),
      concurrency: Math.max(1, number(env, 'WEBHOOK_CONCURRENCY', 16)),
      sinkPolicy: { allowedHosts: (env.SINK_ALLOWED_HOSTS ?? '').split(',').map((host) => host.trim().toLowerCase()).filter(Boolean) },
    },
    secretOverlapMs: number(env, 'WEBHOOK_SECRET_OVERLAP_MS', 24 * 3_600_000),
  };
}
