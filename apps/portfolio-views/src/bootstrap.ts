import 'reflect-metadata';
import { authMigrations } from '@ecab/auth';
import { createEventStoreDataSource, isDatabaseUnavailable, pgSessionSettings, runEventStoreMigrations, sessionTimeoutsFromEnv } from '@ecab/event-store';
import { parkingMigrations, portfolioEventSourceFromSettings, type PortfolioEventSource } from '@ecab/messaging';
import { configureHttpApp, createLogger, PinoNestLogger, ProblemError, serveOpenApi, serviceUnavailableWhen, type HealthCheck } from '@ecab/platform';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ViewsModule } from './app.module.js';
import { viewsOpenApiDocument } from './openapi/views-openapi.js';
import { ProjectionRebuild } from './projections/projection-rebuild.js';
import type { ViewsConfig } from './config.js';
import { PortfolioProjection } from './projections/portfolio-projection.js';
import { replayEventStore } from './projections/rebuild-from-event-store.js';
import { VIEW_FAMILIES } from './projections/view-families.js';
import { dropAbandonedReplays } from './queries/time-travel/time-travel.js';
import { ViewGenerations } from './projections/view-generations.js';
import { viewsMetrics } from './views-metrics.js';

/** Connections of the projection's own pool: one group applies at a time, beside its parking checks and a version read. */
const APPLY_CONNECTIONS = 4;

export interface RunningViews {
  app: INestApplication;
  url: string;
  source: PortfolioEventSource;
  projection: PortfolioProjection;
  rebuild: ProjectionRebuild;
  close(): Promise<void>;
}

/** Starts portfolio-views: its tables, the event source (Kafka or the PostgreSQL log), the query API. */
export async function startViews(config: ViewsConfig): Promise<RunningViews> {
  const log = createLogger('portfolio-views');
  // The PostgreSQL-log transport reads the event store's tables, so their migrations run here too; and the
  // guard checks the account behind every token of portfolio-api in the users table.
  const eventStore = createEventStoreDataSource(config.databaseUrl, { applicationName: 'portfolio-views', extraMigrations: authMigrations });
  await eventStore.initialize();
  await runEventStoreMigrations(eventStore);
  // The same session limits as the event store's connections (DATABASE_STATEMENT_TIMEOUT_MS…). Without
  // JIT compilation: the portfolio-wide figures are estimated dear enough for PostgreSQL to compile
  // them, which took seconds on two cores for a statement that runs in a fraction of one.
  const session = { ...pgSessionSettings(sessionTimeoutsFromEnv()), options: '-c jit=off' };
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    applicationName: 'portfolio-views',
    migrations: parkingMigrations,
    migrationsTableName: 'portfolio_views_migrations',
    extra: { max: 10, ...session },
  });
  await dataSource.initialize();
  // The projection's applies, and the parked-subject checks before them, on connections of their own:
  // under load the readers waiting for a version (`consistentWith`) queue for the query pool, and an apply
  // queued behind them held back the very version they wait for.
  const applying = new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    applicationName: 'portfolio-views',
    extra: { max: APPLY_CONNECTIONS, ...session },
  });
  await applying.initialize();
  const generations = new ViewGenerations(dataSource, VIEW_FAMILIES);
  let projection: PortfolioProjection;
  // The live generation has tables of another shape: it keeps serving while a new one is built.
  let rebuildAtStart = false;
  // Two instances starting together must not both create the tables: a session lock serialises them.
  const lock = eventStore.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', ['portfolio-views-migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
    await generations.ensureCatalogue();
    await generations.dropAbandoned();
    await dropAbandonedReplays(dataSource);
    const live = await generations.live();
    if (live?.shape === generations.shape) {
      projection = new PortfolioProjection(applying, VIEW_FAMILIES, live.schema, { followLive: true });
    } else if (live) {
      // Code with other read tables: the old generation serves (stale: the consumer, whose code writes
      // the new tables, starts after the switch) while a new one is filled in the background.
      projection = new PortfolioProjection(applying, VIEW_FAMILIES, live.schema, { followLive: true });
      rebuildAtStart = true;
    } else {
      // First start: the tables are filled from the event store before anything is served.
      const generation = await generations.create();
      projection = new PortfolioProjection(applying, VIEW_FAMILIES, generation.schema, { followLive: true });
      const started = Date.now();
      await replayEventStore(eventStore, projection);
      await generations.switchTo(generation.schema);
      log.info({ generation: generation.schema, ms: Date.now() - started }, 'read tables built from the event store');
    }
  } finally {
    await lock.query('select pg_advisory_unlock(hashtext($1))', ['portfolio-views-migrations']).catch(() => undefined);
    await lock.release();
  }

  const transport = await portfolioEventSourceFromSettings({
    kafka: config.kafka,
    consumerGroup: config.consumerGroup,
    eventStore,
    parkingDataSource: applying,
    log,
    // Its catch-up took turns between reading a fetch and applying it; the other readers keep the plain loop.
    fetchAhead: true,
  });
  const { source, parked } = transport;
  const kafkaClient = transport.kafka;
  const healthChecks: HealthCheck[] = [{ name: 'postgres', check: async () => void (await dataSource.query('select 1')) }, ...transport.healthChecks];
  const startConsumer = (): Promise<void> =>
    source.start(async (events) => {
      await projection.apply(events);
      // The command's correlation and trace ids, carried through the event's metadata and Kafka headers
      // (not even assembled unless debug logging is on: a catch-up applies tens of thousands a second).
      if (!log.isLevelEnabled('debug')) return;
      for (const event of events) {
        log.debug(
          {
            eventId: event.eventId,
            type: event.type,
            streamId: event.streamId,
            streamVersion: event.streamVersion,
            correlationId: event.correlationId,
            causationId: event.causationId,
            traceparent: event.traceparent,
          },
          'event applied',
        );
      }
    });
  const rebuild = new ProjectionRebuild({ dataSource, eventStore, generations, families: VIEW_FAMILIES, live: projection, log });
  if (!rebuildAtStart) await startConsumer();
  const metrics = viewsMetrics({
    dataSource,
    eventStore,
    source,
    parked,
    rebuild,
    ...(kafkaClient && config.kafka ? { kafka: { client: kafkaClient, settings: config.kafka } } : {}),
  });

  const app = await NestFactory.create(
    ViewsModule.forRoot({
      dataSource,
      projection,
      source,
      parked,
      metrics,
      rebuild,
      auth: config.auth,
      healthChecks,
      consistencyWaitMs: config.consistencyWaitMs,
      freshnessMaxAgeMs: config.freshnessMaxAgeMs,
    }),
    { logger: new PinoNestLogger(log) },
  );
  configureHttpApp(app, [
    serviceUnavailableWhen(isDatabaseUnavailable),
    (error) => (rebuild.isRunning && isOlderShape(error) ? READ_TABLES_REBUILDING : undefined),
  ]);
  serveOpenApi(app, viewsOpenApiDocument());
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  log.info({ url, transport: source.transport }, 'portfolio-views listening');
  if (rebuildAtStart) {
    log.info({ serving: projection.generation, shape: generations.shape }, 'the read tables have another shape: rebuilding in the background');
    rebuild.start({ afterSwitch: startConsumer });
  }

  return {
    app,
    url,
    source,
    projection,
    rebuild,
    async close() {
      await rebuild.stop();
      await source.stop();
      projection.stopWatching();
      await app.close();
      await applying.destroy();
      await dataSource.destroy();
      await eventStore.destroy();
    },
  };
}

const READ_TABLES_REBUILDING = ProblemError.unavailable('The read tables are being rebuilt for this version of the service; retry shortly.', 10);

/**
 * undefined_table / undefined_column: a query of this version read a generation of the older shape; and
 * feature_not_supported, which is what a prepared statement answers ("cached plan must not change result type")
 * when the tables it was planned on changed shape under it.
 */
function isOlderShape(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown }; code?: unknown }).driverError?.code ?? (error as { code?: unknown }).code;
  return code === '42P01' || code === '42703' || code === '0A000';
}
