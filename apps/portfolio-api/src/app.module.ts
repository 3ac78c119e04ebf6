import { PostgresEventStore } from '@ecab/event-store';
import { HEALTH_CHECKS, HealthController, type HealthCheck } from '@ecab/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, EVENT_STORE } from './infrastructure/tokens.js';
import { projectCommandHandlers, projectControllers } from './projects/project-commands.js';
import { ProjectCommandExecutor } from './projects/project-command-executor.js';

export interface ApiModuleOptions {
  dataSource: DataSource;
  /** Extra dependencies to report at /health (Kafka, when the relay runs here). */
  healthChecks?: HealthCheck[];
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    const postgres: HealthCheck = { name: 'postgres', check: async () => void (await options.dataSource.query('select 1')) };
    return {
      module: ApiModule,
      imports: [CqrsModule.forRoot()],
      controllers: [HealthController, ...projectControllers],
      providers: [
        { provide: DATA_SOURCE, useValue: options.dataSource },
        { provide: EVENT_STORE, useValue: new PostgresEventStore(options.dataSource) },
        { provide: HEALTH_CHECKS, useValue: [postgres, ...(options.healthChecks ?? [])] },
        ProjectCommandExecutor,
        ...projectCommandHandlers,
      ],
    };
  }
}
