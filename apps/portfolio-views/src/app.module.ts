import { HEALTH_CHECKS, HealthController, type HealthCheck } from '@ecab/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ProjectSummaryProjection } from './projections/project-summary.projection.js';
import { PortfolioQueriesController } from './queries/portfolio-queries.controller.js';
import { VIEWS_DATA_SOURCE, VIEWS_OPTIONS, type ViewsOptions } from './queries/tokens.js';

export interface ViewsModuleOptions extends ViewsOptions {
  dataSource: DataSource;
  projection: ProjectSummaryProjection;
  healthChecks: HealthCheck[];
}

@Module({})
export class ViewsModule {
  static forRoot(options: ViewsModuleOptions): DynamicModule {
    return {
      module: ViewsModule,
      controllers: [HealthController, PortfolioQueriesController],
      providers: [
        { provide: VIEWS_DATA_SOURCE, useValue: options.dataSource },
        { provide: VIEWS_OPTIONS, useValue: { consistencyWaitMs: options.consistencyWaitMs } },
        { provide: ProjectSummaryProjection, useValue: options.projection },
        { provide: HEALTH_CHECKS, useValue: options.healthChecks },
      ],
    };
  }
}
