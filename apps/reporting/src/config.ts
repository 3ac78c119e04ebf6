import { authConfigFromEnv, type AuthConfig } from '@ecab/auth';
import { kafkaSettingsFromEnv, type KafkaSettings } from '@ecab/messaging';
import type { ReportingOrg } from './iati/iati-activity.js';

export interface ReportingConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Kafka when KAFKA_BROKERS is set, else the event store's own log (the embedded default). */
  kafka: KafkaSettings | undefined;
  consumerGroup: string;
  auth: AuthConfig;
  reportingOrg: ReportingOrg;
  defaultCurrency: string;
  programmeSector: string;
}

/** Like portfolio-views, reporting issues no tokens: it trusts portfolio-api's through its JWKS (API_URL). */
function reportingAuthEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const apiUrl = env.API_URL ?? 'http://127.0.0.1:3001';
  return {
    AUTH_LOCAL_TOKENS: 'false',
    AUTH_OIDC_ISSUER: env.AUTH_ISSUER ?? 'urn:ecab:portfolio',
    AUTH_JWKS_URL: `${apiUrl}/.well-known/jwks.json`,
    ...env,
  };
}

export function reportingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ReportingConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded PostgreSQL)');
  return {
    port: Number(env.PORT ?? 3004),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    kafka: kafkaSettingsFromEnv('ecab-reporting', env),
    consumerGroup: env.REPORTING_CONSUMER_GROUP ?? 'ecab.reporting',
    auth: authConfigFromEnv(reportingAuthEnv(env)),
    reportingOrg: {
      // XI-ECAB-EXAMPLE is docs/DOMAIN.md's placeholder: set the registered ref (KZ-BIN-…, KG-INN-… or XI-IATI-…) before publishing.
      ref: env.IATI_REPORTING_ORG_REF ?? 'XI-ECAB-EXAMPLE',
      type: env.IATI_REPORTING_ORG_TYPE ?? '10',
      names: { en: env.IATI_REPORTING_ORG_NAME ?? 'ECAB Portfolio Secretariat', ru: env.IATI_REPORTING_ORG_NAME_RU ?? 'Секретариат портфеля ЭКАБ' },
    },
    defaultCurrency: env.IATI_DEFAULT_CURRENCY ?? 'USD',
    programmeSector: env.IATI_PROGRAMME_SECTOR ?? '43010',
  };
}
