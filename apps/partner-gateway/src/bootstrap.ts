import 'reflect-metadata';
import { authMigrations } from '@ecab/auth';
import { createEventStoreDataSource, isDatabaseUnavailable, pgSessionSettings, runEventStoreMigrations, sessionTimeoutsFromEnv } from '@ecab/event-store';
import { parkingMigrations, portfolioEventSourceFromSettings, type PortfolioEventSource } from '@ecab/messaging';
import { configureHttpApp, createLogger, PinoNestLogger, serviceUnavailableWhen, type HealthCheck } from '@ecab/platform';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { GatewayModule } from './app.module.js';
import type { GatewayConfig } from './config.js';
import { DeliveryStore } from './delivery/delivery-store.js';
import { SubscriptionHealth1767500000000 } from './subscriptions/subscription-health.migration.js';
import { CreateGatewayTables1767400000000 } from './gateway-tables.migration.js';
import { gatewayMetrics } from './gateway-metrics.js';
import { IntegrationLog } from './integration/integration-log.js';
import { PartnerKafkaAccess } from './kafka/partner-kafka-access.js';
import { PartnerKafka1767600000000 } from './kafka/partner-kafka.migration.js';
import { SnapshotIndex1767700000000 } from './snapshot/snapshot-index.migration.js';
import { JobStore } from './jobs/job-store.js';
import { SubscriptionJobs1767800000000 } from './jobs/subscription-jobs.migration.js';
import { PartnerStore } from './partners/partner-store.js';
import { GatewayWorkers } from './workers/gateway-workers.js';
import { SubscriptionStore } from './subscriptions/subscription-store.js';

export interface RunningGateway {
  app: INestApplication;
  url: string;
  source: PortfolioEventSource;
  close(): Promise<void>;
}

/** Starts the partner gateway: its tables, the event source into its integration log, the background workers (when elected), the API. */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger('partner-gateway');
  // The PostgreSQL-log transport reads the event store's tables; the guard checks admins' accounts in the users table.
  const eventStore = createEventStoreDataSource(config.databaseUrl, { applicationName: 'partner-gateway', extraMigrations: authMigrations });
  await eventStore.initialize();
  await runEventStoreMigrations(eventStore);
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    applicationName: 'partner-gateway',
    migrations: [
      ...parkingMigrations,
      CreateGatewayTables1767400000000,
      SubscriptionHealth1767500000000,
      PartnerKafka1767600000000,
      SnapshotIndex1767700000000,
      SubscriptionJobs1767800000000,
    ],
    migrationsTableName: 'partner_gateway_migrations',
    extra: { max: 10, ...pgSessionSettings(sessionTimeoutsFromEnv()) },
  });
  await dataSource.initialize();
  // Two instances starting together must not both create the tables: a session lock serialises them.
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', ['partner-gateway-migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('select pg_advisory_unlock(hashtext($1))', ['partner-gateway-migrations']).catch(() => undefined);
    await lock.release();
  }

  const log = new IntegrationLog(dataSource);
  const partners = new PartnerStore(dataSource);
  const subscriptions = new SubscriptionStore(dataSource);
  const deliveries = new DeliveryStore(dataSource);
  const jobs = new JobStore(dataSource);
  const {
    source,
    parked,
    healthChecks: transportChecks,
  } = await portfolioEventSourceFromSettings({
    kafka: config.kafka,
    consumerGroup: config.consumerGroup,
    eventStore,
    parkingDataSource: dataSource,
    log: logger,
  });
  const healthChecks: HealthCheck[] = [{ name: 'postgres', check: async () => void (await dataSource.query('select 1')) }, ...transportChecks];
  await source.start((batch) => log.append(batch));

  const metrics = gatewayMetrics({ dataSource, log, source, parked });
  const kafkaAccess = config.kafka ? new PartnerKafkaAccess({ kafka: config.kafka, partnerBrokers: config.partnerBrokers }, logger) : null;
  // Webhook dispatch, jobs and partner topics run on one instance per database: the elected one.
  const workers = new GatewayWorkers({ dataSource, log, partners, subscriptions, deliveries, jobs, kafkaAccess, metrics, logger }, config);
  await workers.start();

  const app = await NestFactory.create(
    GatewayModule.forRoot({
      dataSource,
      partners,
      log,
      subscriptions,
      deliveries,
      jobs,
      metrics,
      kafkaAccess,
      auth: config.auth,
      healthChecks,
      subscriptionSettings: { sinkPolicy: config.webhooks.sinkPolicy, secretOverlapMs: config.secretOverlapMs },
      streamSettings: { heartbeatMs: config.streamHeartbeatMs },
    }),
    { logger: new PinoNestLogger(logger) },
  );
  configureHttpApp(app, [serviceUnavailableWhen(isDatabaseUnavailable)]);
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  logger.info({ url, transport: source.transport }, 'partner-gateway listening');

  return {
    app,
    url,
    source,
    async close() {
      await workers.stop();
      await source.stop();
      await app.close();
      await dataSource.destroy();
      await eventStore.destroy();
    },
  };
}
