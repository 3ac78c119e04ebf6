import { AsyncApiController, HEALTH_CHECKS, HealthController, METRICS_REGISTRY, MetricsController, TerminusModule, type HealthCheck } from '@ecab/platform';
import { AuthModule, type AuthConfig } from '@ecab/auth';
import type { ParkedMessageStore, PortfolioEventSource } from '@ecab/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { PortfolioProjection } from './projections/portfolio-projection.js';
import { ParkedMessagesController } from './admin/parked-messages.controller.js';
import { ProjectionRebuildController } from './admin/projection-rebuild.controller.js';
import { CsvInterceptor } from './http/csv.interceptor.js';
import { FreshnessInterceptor } from './http/freshness.interceptor.js';
import { PROJECTION_REBUILD, type ProjectionRebuild } from './projections/projection-rebuild.js';
import { OverdueMilestonesController } from './queries/overdue-milestones/overdue-milestones.controller.js';
import { PortfolioSummaryController } from './queries/portfolio-summary/portfolio-summary.controller.js';
import { DisbursementCurveController } from './queries/disbursement-curve/disbursement-curve.controller.js';
import { LineageController } from './queries/lineage/lineage.controller.js';
import { ProgrammeController } from './queries/programme/programme.controller.js';
import { ProjectListController } from './queries/project-list/project-list.controller.js';
import { QuarterlyListsController } from './queries/quarterly-lists/quarterly-lists.controller.js';
import { ProjectProfileController } from './queries/project-profile/project-profile.controller.js';
import { ProjectTimelineController } from './queries/project-timeline/project-timeline.controller.js';
import { ResultsScorecardController } from './queries/results-scorecard/results-scorecard.controller.js';
import { ReadContextInterceptor } from './queries/time-travel/read-context.js';
import { ViewsReader } from './queries/views-reader.js';
import { EVENT_SOURCE, PARKED_MESSAGES, VIEWS_DATA_SOURCE, VIEWS_OPTIONS, type ViewsOptions } from './queries/tokens.js';

export interface ViewsModuleOptions extends ViewsOptions {
  dataSource: DataSource;
  projection: PortfolioProjection;
  source: PortfolioEventSource;
  parked: ParkedMessageStore;
  metrics: Registry;
  auth: AuthConfig;
  healthChecks: HealthCheck[];
  rebuild: ProjectionRebuild;
}

/** Operators' routes (role admin). */
const ADMIN_CONTROLLERS = [ParkedMessagesController, ProjectionRebuildController];

/** The query controllers, one per folder under queries/. */
const QUERY_CONTROLLERS = [
  PortfolioSummaryController,
  ProjectListController,
  ProjectProfileController,
  ProjectTimelineController,
  DisbursementCurveController,
  LineageController,
  QuarterlyListsController,
  ProgrammeController,
  OverdueMilestonesController,
  ResultsScorecardController,
];

@Module({})
export class ViewsModule {
  static forRoot(options: ViewsModuleOptions): DynamicModule {
    return {
      module: ViewsModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        AuthModule.forRoot({
          dataSource: options.dataSource,
          config: options.auth,
          publicControllers: [HealthController, AsyncApiController, MetricsController],
        }),
      ],
      controllers: [HealthController, MetricsController, AsyncApiController, ...ADMIN_CONTROLLERS, ...QUERY_CONTROLLERS],
      providers: [
        ViewsReader,
        // Tells ViewsReader which project a request reads and lets it set the time-travel headers.
        { provide: APP_INTERCEPTOR, useClass: ReadContextInterceptor },
        { provide: VIEWS_DATA_SOURCE, useValue: options.dataSource },
        { provide: VIEWS_OPTIONS, useValue: { consistencyWaitMs: options.consistencyWaitMs, freshnessMaxAgeMs: options.freshnessMaxAgeMs } },
        { provide: PortfolioProjection, useValue: options.projection },
        { provide: HEALTH_CHECKS, useValue: options.healthChecks },
        { provide: EVENT_SOURCE, useValue: options.source },
        { provide: METRICS_REGISTRY, useValue: options.metrics },
        { provide: PARKED_MESSAGES, useValue: options.parked },
        { provide: PROJECTION_REBUILD, useValue: options.rebuild },
        // Reads: the freshness headers on every answer, then CSV when asked (both only on VIEW_QUERIES routes).
        { provide: APP_INTERCEPTOR, useClass: FreshnessInterceptor },
        { provide: APP_INTERCEPTOR, useClass: CsvInterceptor },
      ],
    };
  }
}

// The OpenAPI test compares these controllers' routes with the document.
export { ADMIN_CONTROLLERS, QUERY_CONTROLLERS };
