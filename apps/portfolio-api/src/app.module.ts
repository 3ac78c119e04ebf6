import { AuthModule, type AuthConfig } from '@ecab/auth';
import { CLUSTERS } from '@ecab/domain';
import { type GroupCommitOptions, PostgresEventStore } from '@ecab/event-store';
import { ParkedMessageStore, type KafkaRelay } from '@ecab/messaging';
import { AsyncApiController, HEALTH_CHECKS, HealthController, METRICS_REGISTRY, MetricsController, TerminusModule, type HealthCheck } from '@ecab/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, EVENT_STORE, FOLDED_STREAMS, PARKED_MESSAGES, RELAY } from './infrastructure/tokens.js';
import { RelayParkedMessagesController } from './admin/relay-parked-messages.controller.js';
import { AggregateCommandExecutor } from './commands/aggregate-command-executor.js';
import { COMMAND_SETTINGS, type CommandSettings } from './commands/command-settings.js';
import { commandControllers } from './commands/command-table.js';
import { ExecuteDomainCommandHandler, ExecuteDomainCommandsHandler } from './commands/execute-command.js';
import { DEFAULT_FOLDED_STREAMS, FoldedStreams } from './commands/folded-streams.js';

export interface ApiModuleOptions {
  dataSource: DataSource;
  /** Extra dependencies to report at /health (Kafka, when the relay runs here). */
  healthChecks?: HealthCheck[];
  metrics: Registry;
  auth: AuthConfig;
  commandSettings: CommandSettings;
  /** The Kafka relay (started or standby), whose parked events the admin endpoints show; none without Kafka. */
  relay?: KafkaRelay | undefined;
  /** The event store's group commit (default on, with its defaults). */
  groupCommit?: GroupCommitOptions | false;
  /** Streams whose folded state commands keep (default DEFAULT_FOLDED_STREAMS; 0: none). */
  foldedStreams?: number;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    const eventStore = new PostgresEventStore(options.dataSource, { groupCommit: options.groupCommit ?? {} });
    const postgres: HealthCheck = { name: 'postgres', check: async () => void (await options.dataSource.query('select 1')) };
    return {
      module: ApiModule,
      imports: [
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        // Health, the event contract and metrics answer without a token (probes, partners, Prometheus).
        // A user may be limited to the domain's clusters (the account endpoints check the names).
        AuthModule.forRoot({
          dataSource: options.dataSource,
          config: options.auth,
          clusters: CLUSTERS,
          publicControllers: [HealthController, AsyncApiController, MetricsController],
        }),
      ],
      controllers: [HealthController, MetricsController, AsyncApiController, RelayParkedMessagesController, ...commandControllers],
      providers: [
        { provide: DATA_SOURCE, useValue: options.dataSource },
        { provide: EVENT_STORE, useValue: eventStore },
        { provide: FOLDED_STREAMS, useValue: new FoldedStreams(eventStore, options.foldedStreams ?? DEFAULT_FOLDED_STREAMS) },
        { provide: HEALTH_CHECKS, useValue: [postgres, ...(options.healthChecks ?? [])] },
        { provide: METRICS_REGISTRY, useValue: options.metrics },
        { provide: COMMAND_SETTINGS, useValue: options.commandSettings },
        { provide: PARKED_MESSAGES, useValue: new ParkedMessageStore(options.dataSource) },
        { provide: RELAY, useValue: options.relay ?? null },
        AggregateCommandExecutor,
        ExecuteDomainCommandHandler,
        ExecuteDomainCommandsHandler,
      ],
    };
  }
}
