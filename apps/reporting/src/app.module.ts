import { AuthModule, type AuthConfig } from '@ecab/auth';
import { AsyncApiController, HEALTH_CHECKS, HealthController, METRICS_REGISTRY, MetricsController, TerminusModule, type HealthCheck } from '@ecab/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ReportingEvents } from './events/reporting-events.js';
import { FiledReports } from './filed/filed-reports.js';
import { FiledReportsController } from './http/filed-reports.controller.js';
import { IATI_SETTINGS, IatiController, type IatiSettings } from './http/iati.controller.js';
import { ReportsController } from './http/reports.controller.js';
import { PdfRenderer } from './pdf/pdf-renderer.js';

export interface ReportingModuleOptions {
  dataSource: DataSource;
  events: ReportingEvents;
  filedReports: FiledReports;
  metrics: Registry;
  auth: AuthConfig;
  healthChecks: HealthCheck[];
  iati: IatiSettings;
  pdf: PdfRenderer;
}

/** The report controllers; the filed reports' `:id` routes come after the fixed names (quarterly, quarterly.html, .csv, .pdf, .xlsx). */
export const REPORT_CONTROLLERS = [IatiController, ReportsController, FiledReportsController];

@Module({})
export class ReportingModule {
  static forRoot(options: ReportingModuleOptions): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        AuthModule.forRoot({
          dataSource: options.dataSource,
          config: options.auth,
          publicControllers: [HealthController, AsyncApiController, MetricsController],
        }),
      ],
      controllers: [HealthController, MetricsController, AsyncApiController, ...REPORT_CONTROLLERS],
      providers: [
        { provide: ReportingEvents, useValue: options.events },
        { provide: FiledReports, useValue: options.filedReports },
        { provide: IATI_SETTINGS, useValue: options.iati },
        { provide: PdfRenderer, useValue: options.pdf },
        { provide: HEALTH_CHECKS, useValue: options.healthChecks },
        { provide: METRICS_REGISTRY, useValue: options.metrics },
      ],
    };
  }
}
