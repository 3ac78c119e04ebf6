import { AuthModule, type AuthConfig } from '@ecab/auth';
import { AsyncApiController, HEALTH_CHECKS, HealthController, METRICS_REGISTRY, MetricsController, TerminusModule, type HealthCheck } from '@ecab/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ReportingEvents } from './events/reporting-events.js';
import { IATI_SETTINGS, IatiController, type IatiSettings } from './http/iati.controller.js';
import { ReportsController } from './http/reports.controller.js';

export interface ReportingModuleOptions {
  dataSource: DataSource;
  events: ReportingEvents;
  metrics: Registry;
  auth: AuthConfig;
  healthChecks: HealthCheck[];
  iati: IatiSettings;
}

/** The report controllers. */
export const REPORT_CONTROLLERS = [IatiController, ReportsController];

@Module({})
export class ReportingModule {
  static forRoot(options: ReportingModuleOptions): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        AuthModule.forRoot({ dataSource: options.dataSource, config: options.auth, publicControllers: [HealthController, AsyncApiController, MetricsController] }),
      ],
      controllers: [HealthController, MetricsController, AsyncApiController, ...REPORT_CONTROLLERS],
      providers: [
        { provide: ReportingEvents, useValue: options.events },
        { provide: IATI_SETTINGS, useValue: options.iati },
        { provide: HEALTH_CHECKS, useValue: options.healthChecks },
        { provide: METRICS_REGISTRY, useValue: options.metrics },
      ],
    };
  }
}
