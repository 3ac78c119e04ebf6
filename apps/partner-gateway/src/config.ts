import { authConfigTrustingApi, type AuthConfig } from '@ecab/auth';
import { databaseUrlFromEnv, envWholeNumber, listenAddressFromEnv } from '@ecab/config';
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
  /** The broker's SASL/SCRAM listener as partners reach it (KAFKA_PARTNER_BROKERS; default: each broker's port + 2, as infra/kafka). */
  partnerBrokers: string[];
  /** How often the partner-topic publisher looks for new events when idle (an append wakes it sooner). */
  partnerTopicPollMs: number;
  auth: AuthConfig;
  webhooks: DispatcherSettings;
  secretOverlapMs: number;
  /** Server-Sent Events: how often an idle stream sends a heartbeat and checks its key. */
  streamHeartbeatMs: number;
  /** How often a standby instance tries to become the one running the background work, and the leader checks its lock. */
  leaderIntervalMs: number;
}

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const kafka = kafkaSettingsFromEnv('ecab-partner-gateway', env);
  return {
    ...listenAddressFromEnv(env, 3003),
    databaseUrl: databaseUrlFromEnv(env),
    kafka,
    consumerGroup: env.GATEWAY_CONSUMER_GROUP ?? 'ecab.partner-gateway',
    partnerBrokers: env.KAFKA_PARTNER_BROKERS
      ? env.KAFKA_PARTNER_BROKERS.split(',')
          .map((broker) => broker.trim())
          .filter(Boolean)
      : (kafka?.brokers ?? []).map(partnerListenerOf),
    partnerTopicPollMs: envWholeNumber(env, 'PARTNER_TOPIC_POLL_MS', 1000, { min: 1, unit: 'milliseconds' }),
    // Like portfolio-views, the gateway issues no tokens: it trusts portfolio-api's (admins).
    auth: authConfigTrustingApi(env),
    webhooks: {
      schedule: parseRetrySchedule(env.WEBHOOK_RETRY_SCHEDULE ?? SVIX_SCHEDULE),
      timeoutMs: envWholeNumber(env, 'WEBHOOK_TIMEOUT_MS', 15_000, { min: 1, unit: 'milliseconds' }),
      pollMs: envWholeNumber(env, 'WEBHOOK_POLL_MS', 500, { min: 1, unit: 'milliseconds' }),
      concurrency: envWholeNumber(env, 'WEBHOOK_CONCURRENCY', 16, { min: 1, unit: 'deliveries at once' }),
      disableAfterMs: envWholeNumber(env, 'WEBHOOK_DISABLE_AFTER_MS', 5 * 86_400_000, { min: 1, unit: 'milliseconds' }),
      sinkPolicy: {
        allowedHosts: (env.SINK_ALLOWED_HOSTS ?? '')
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      },
    },
    secretOverlapMs: envWholeNumber(env, 'WEBHOOK_SECRET_OVERLAP_MS', 24 * 3_600_000, { unit: 'milliseconds' }),
    streamHeartbeatMs: envWholeNumber(env, 'EVENT_STREAM_HEARTBEAT_MS', 15_000, { min: 100, unit: 'milliseconds' }),
    leaderIntervalMs: envWholeNumber(env, 'GATEWAY_LEADER_INTERVAL_MS', 1_000, { min: 10, unit: 'milliseconds' }),
  };
}

/** infra/kafka's convention: the partner listener is on the platform listener's port + 2 (9092 → 9094). */
function partnerListenerOf(broker: string): string {
  const at = broker.lastIndexOf(':');
  return `${broker.slice(0, at)}:${Number(broker.slice(at + 1)) + 2}`;
}
