import 'reflect-metadata';
import { createEventStoreDataSource, isDatabaseUnavailable, runEventStoreMigrations } from '@ecab/event-store';
import { createKafka, ensureTopics, KafkaEventSource, ParkedMessageStore, parkingMigrations, PostgresLogEventSource, type PortfolioEventSource } from '@ecab/messaging';
import { createLogger, PinoNestLogger, ProblemDetailsFilter, serviceUnavailableWhen, type HealthCheck } from '@ecab/platform';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ViewsModule } from './app.module.js';
import type { ViewsConfig } from './config.js';
import { PortfolioProjection } from './projections/portfolio-projection.js';
import { replayEventStore } from './projections/rebuild-from-event-store.js';
import { VIEW_FAMILIES } from './projections/view-families.js';
import { ViewGenerations } from './projections/view-generations.js';
import { viewsMetrics } from './views-metrics.js';

export interface RunningViews {
  app: INestApplication;
  url: string;
  source: PortfolioEventSource;
  projection: PortfolioProjection;
  close(): Promise<void>;
}

/** Starts portfolio-views: its tables, the event source (Kafka or the PostgreSQL log), the query API. */
export async function startViews(config: ViewsConfig): Promise<RunningViews> {
  const log = createLogger('portfolio-views');
  // The PostgreSQL-log transport reads the event store's tables, so their migrations run here too.
  const eventStore = createEventStoreDataSource(config.databaseUrl, { applicationName: 'portfolio-views' });
  await eventStore.initialize();
  await runEventStoreMigrations(eventStore);
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    applicationName: 'portfolio-views',
    migrations: parkingMigrations,
    migrationsTableName: 'portfolio_views_migrations',
    extra: { max: 10 },
  });
  await dataSource.initialize();
  const generations = new ViewGenerations(dataSource, VIEW_FAMILIES);
  let projection: PortfolioProjection;
  // Two instances starting together must not both create the tables: a session lock serialises them.
  const lock = eventStore.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', ['portfolio-views-migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
    await generations.ensureCatalogue();
    await generations.dropAbandoned();
    const live = await generations.live();
    if (live?.shape === generations.shape) {
      projection = new PortfolioProjection(dataSource, VIEW_FAMILIES, live.schema);
    } else {
      // First start, or code with other read tables: a new generation is filled from the event store.
      const generation = await generations.create();
      projection = new PortfolioProjection(dataSource, VIEW_FAMILIES, generation.schema);
      const started = Date.now();
      await replayEventStore(eventStore, projection);
      await generations.switchTo(generation.schema);
      log.info({ generation: generation.schema, ms: Date.now() - started }, 'read tables built from the event store');
    }
  } finally {
    await lock.query('select pg_advisory_unlock(hashtext($1))', ['portfolio-views-migrations']).catch(() => undefined);
    await lock.release();
  }

  const parked = new ParkedMessageStore(dataSource);
  const healthChecks: HealthCheck[] = [{ name: 'postgres', check: async () => void (await dataSource.query('select 1')) }];
  let source: PortfolioEventSource;
  let kafkaClient: Kafka | undefined;
  if (config.kafka) {
    const kafka = createKafka(config.kafka, log);
    kafkaClient = kafka;
    await ensureTopics(kafka, config.kafka);
    source = new KafkaEventSource(kafka, config.kafka, { groupId: config.consumerGroup, parked, log });
    const admin = kafka.admin();
    healthChecks.push({
      name: 'kafka',
      check: async () => {
        await admin.connect();
        await admin.describeCluster();
      },
    });
  } else {
    source = new PostgresLogEventSource(eventStore, { name: `consumer:${config.consumerGroup}`, parked, log });
  }
  await source.start(async (events) => {
    await projection.apply(events);
    // The command's correlation and trace ids, carried through the event's metadata and Kafka headers.
    for (const event of events) {
      log.debug(
        { eventId: event.eventId, type: event.type, streamId: event.streamId, streamVersion: event.streamVersion, correlationId: event.correlationId, causationId: event.causationId, traceparent: event.traceparent },
        'event applied',
      );
    }
  });
  const metrics = viewsMetrics({ dataSource, eventStore, source, parked, ...(kafkaClient && config.kafka ? { kafka: { client: kafkaClient, settings: config.kafka } } : {}) });

  const app = await NestFactory.create(
    ViewsModule.forRoot({ dataSource, projection, source, parked, metrics, auth: config.auth, healthChecks, consistencyWaitMs: config.consistencyWaitMs }),
    { logger: new PinoNestLogger(log) },
  );
  app.useGlobalFilters(new ProblemDetailsFilter([serviceUnavailableWhen(isDatabaseUnavailable)]));
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  log.info({ url, transport: source.transport }, 'portfolio-views listening');

  return {
    app,
    url,
    source,
    projection,
    async close() {
      await source.stop();
      await app.close();
      await dataSource.destroy();
      await eventStore.destroy();
    },
  };
}
