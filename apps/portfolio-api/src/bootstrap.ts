import 'reflect-metadata';
import { adminSeedFromEnv, authConfigFromEnv, authMigrations, ensureAdminUser, UserStore } from '@ecab/auth';
import { createEventStoreDataSource, isDatabaseUnavailable, runEventStoreMigrations } from '@ecab/event-store';
import { createKafka, ensureTopics, KafkaRelay, ParkedMessageStore, parkingMigrations } from '@ecab/messaging';
import { configureHttpApp, createLogger, PinoNestLogger, serviceUnavailableWhen, type HealthCheck } from '@ecab/platform';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from './app.module.js';
import type { ApiConfig } from './config.js';
import { apiMetrics } from './infrastructure/api-metrics.js';
import { mapDomainProblems } from './commands/domain-problems.js';
import { serveOpenApi } from './commands/openapi.js';

export interface RunningApi {
  app: INestApplication;
  url: string;
  /** The relay when this instance publishes (active or standby). */
  relay: KafkaRelay | undefined;
  close(): Promise<void>;
}

/** Starts portfolio-api: migrations, the HTTP app, and (with Kafka) topics and the relay. */
export async function startApi(config: ApiConfig): Promise<RunningApi> {
  const log = createLogger('portfolio-api');
  const auth = authConfigFromEnv();
  const dataSource = createEventStoreDataSource(config.databaseUrl, {
    applicationName: 'portfolio-api',
    extraMigrations: [...authMigrations, ...parkingMigrations],
  });
  await dataSource.initialize();
  await runEventStoreMigrations(dataSource);
  const admin = adminSeedFromEnv();
  if (admin) {
    const { created } = await ensureAdminUser(new UserStore(dataSource), admin);
    if (created) log.info({ username: admin.username }, 'created the admin user');
  }

  const healthChecks: HealthCheck[] = [];
  let relay: KafkaRelay | undefined;
  // Every instance with Kafka can retry the relay's parked events (an admin endpoint); only those with the relay enabled publish the log.
  let parkedEvents: KafkaRelay | undefined;
  if (config.kafka) {
    const kafka = createKafka(config.kafka, log);
    const created = await ensureTopics(kafka, config.kafka, undefined, log);
    if (created.length > 0) log.info({ topics: created }, 'created Kafka topics');
    parkedEvents = new KafkaRelay(dataSource, kafka, config.kafka, { log, parked: new ParkedMessageStore(dataSource), gatherMs: config.relayGatherMs });
    if (config.relayEnabled) {
      relay = parkedEvents;
      await relay.start();
    }
    const admin = kafka.admin();
    healthChecks.push({
      name: 'kafka',
      check: async () => {
        await admin.connect();
        await admin.describeCluster();
      },
    });
  }

  const app = await NestFactory.create(
    ApiModule.forRoot({
      dataSource,
      healthChecks,
      metrics: apiMetrics(dataSource, relay),
      auth,
      commandSettings: config.commands,
      relay: parkedEvents,
      groupCommit: config.groupCommit,
      foldedStreams: config.foldedStreams,
    }),
    { logger: new PinoNestLogger(log), bodyParser: true },
  );
  configureHttpApp(app, [mapDomainProblems, serviceUnavailableWhen(isDatabaseUnavailable)]);
  serveOpenApi(app);
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  log.info({ url, transport: config.kafka ? 'kafka' : 'postgres-log', relay: relay !== undefined }, 'portfolio-api listening');

  return {
    app,
    url: url.replace('[::1]', '127.0.0.1'),
    relay,
    async close() {
      await (relay ?? parkedEvents)?.stop();
      await app.close();
      await dataSource.destroy();
    },
  };
}
