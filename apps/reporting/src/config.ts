import { authConfigTrustingApi, type AuthConfig } from '@ecab/auth';
import { databaseUrlFromEnv, listenAddressFromEnv } from '@ecab/config';
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
  /** Debian's Chromium, which prints the report's PDF (CHROMIUM_PATH; never a browser downloaded by a tool). */
  chromiumPath: string;
}

export function reportingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ReportingConfig {
  return {
    ...listenAddressFromEnv(env, 3004),
    databaseUrl: databaseUrlFromEnv(env),
    kafka: kafkaSettingsFromEnv('ecab-reporting', env),
    consumerGroup: env.REPORTING_CONSUMER_GROUP ?? 'ecab.reporting',
    // Like portfolio-views, reporting issues no tokens: it trusts portfolio-api's.
    auth: authConfigTrustingApi(env),
    reportingOrg: {
      // XI-ECAB-EXAMPLE is docs/DOMAIN.md's placeholder: set the registered ref (KZ-BIN-…, KG-INN-… or XI-IATI-…) before publishing.
      ref: env.IATI_REPORTING_ORG_REF ?? 'XI-ECAB-EXAMPLE',
      type: env.IATI_REPORTING_ORG_TYPE ?? '10',
      names: { en: env.IATI_REPORTING_ORG_NAME ?? 'ECAB Portfolio Secretariat', ru: env.IATI_REPORTING_ORG_NAME_RU ?? 'Секретариат портфеля ЭКАБ' },
    },
    defaultCurrency: env.IATI_DEFAULT_CURRENCY ?? 'USD',
    programmeSector: env.IATI_PROGRAMME_SECTOR ?? '43010',
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
}
