import 'reflect-metadata';
import { authMigrations } from '@ecab/auth';
import { createEventStoreDataSource, isDatabaseUnavailable, runEventStoreMigrations } from '@ecab/event-store';
import { parkingMigrations, portfolioEventSourceFromSettings, type PortfolioEventSource } from '@ecab/messaging';
import { configureHttpApp, createLogger, PinoNestLogger, serviceUnavailableWhen, styledPageContentSecurityPolicy, type HealthCheck } from '@ecab/platform';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ReportingModule } from './app.module.js';
import type { ReportingConfig } from './config.js';
import { CreateReportingEvents1767300000000 } from './events/reporting-events.migration.js';
import { AddReportingEventReceipts1767500000000 } from './events/reporting-receipts.migration.js';
import { ReportingEvents } from './events/reporting-events.js';
import { FiledReportStore } from './filed/filed-report-store.js';
import { CreateFiledReports1767500000001 } from './filed/filed-reports.migration.js';
import { FiledReports } from './filed/filed-reports.js';
import { Codelists } from './iati/codelists.js';
import { QUARTERLY_REPORT_PATHS } from './http/reports.controller.js';
import { PdfRenderer } from './pdf/pdf-renderer.js';
import { QUARTERLY_STYLE_SHA256 } from './quarterly/quarterly-html.js';
import { REPORT_PAGE_STYLE_SHA256 } from './quarterly/report-page.js';
import { reportingMetrics } from './reporting-metrics.js';

/** A filed report's own address (its page, when filed as HTML, is the quarterly page with the same style block). */
const FILED_REPORT_PATH = /^\/api\/v1\/reports\/[0-9a-fA-F-]{36}$/;

export interface RunningReporting {
  app: INestApplication;
  url: string;
  source: PortfolioEventSource;
  close(): Promise<void>;
}

/** Starts reporting: its table, the event source (Kafka or the PostgreSQL log, as portfolio-views), the report API. */
export async function startReporting(config: ReportingConfig): Promise<RunningReporting> {
  const log = createLogger('reporting');
  // The PostgreSQL-log transport reads the event store's tables; the guard checks accounts in the users table.
  const eventStore = createEventStoreDataSource(config.databaseUrl, { applicationName: 'reporting', extraMigrations: authMigrations });
  await eventStore.initialize();
  await runEventStoreMigrations(eventStore);
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    applicationName: 'reporting',
    migrations: [...parkingMigrations, CreateReportingEvents1767300000000, AddReportingEventReceipts1767500000000, CreateFiledReports1767500000001],
    migrationsTableName: 'reporting_migrations',
    extra: { max: 5 },
  });
  await dataSource.initialize();
  // Two instances starting together must not both create the tables: a session lock serialises them.
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', ['reporting-migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('select pg_advisory_unlock(hashtext($1))', ['reporting-migrations']).catch(() => undefined);
    await lock.release();
  }

  const events = new ReportingEvents(dataSource);
  const transport = await portfolioEventSourceFromSettings({
    kafka: config.kafka,
    consumerGroup: config.consumerGroup,
    eventStore,
    parkingDataSource: dataSource,
    log,
  });
  const { source, parked } = transport;
  const healthChecks: HealthCheck[] = [{ name: 'postgres', check: async () => void (await dataSource.query('select 1')) }, ...transport.healthChecks];
  await source.start((batch) => events.store(batch));

  // Chromium is launched by the first PDF asked for, and closed with the app.
  const pdf = new PdfRenderer(config.chromiumPath, log);
  const app = await NestFactory.create(
    ReportingModule.forRoot({
      pdf,
      dataSource,
      events,
      filedReports: new FiledReports(events, new FiledReportStore(dataSource), log),
      metrics: reportingMetrics({ events, source, parked }),
      auth: config.auth,
      healthChecks,
      iati: {
        options: { reportingOrg: config.reportingOrg, defaultCurrency: config.defaultCurrency, programmeSector: config.programmeSector },
        codelists: Codelists.load(),
      },
    }),
    { logger: new PinoNestLogger(log) },
  );
  // quarterly/2's page, and quarterly/1's for the filings made with it.
  const reportPolicy = styledPageContentSecurityPolicy(REPORT_PAGE_STYLE_SHA256, QUARTERLY_STYLE_SHA256);
  configureHttpApp(app, [serviceUnavailableWhen(isDatabaseUnavailable)], {
    contentSecurityPolicy: (path) => (QUARTERLY_REPORT_PATHS.includes(path) || FILED_REPORT_PATH.test(path) ? reportPolicy : undefined),
  });
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  log.info({ url, transport: source.transport }, 'reporting listening');

  return {
    app,
    url,
    source,
    async close() {
      await source.stop();
      await app.close();
      await pdf.close();
      await dataSource.destroy();
      await eventStore.destroy();
    },
  };
}
