import { AuthModule, type AuthConfig } from '@ecab/auth';
import { AsyncApiController, HEALTH_CHECKS, HealthController, METRICS_REGISTRY, MetricsController, TerminusModule, type HealthCheck } from '@ecab/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { DeliveryStore } from './delivery/delivery-store.js';
import { IntegrationLog } from './integration/integration-log.js';
import { JobStore } from './jobs/job-store.js';
import { SubscriptionJobsController } from './jobs/subscription-jobs.controller.js';
import { PartnerKafkaAccess } from './kafka/partner-kafka-access.js';
import { PartnerKafkaController } from './kafka/partner-kafka.controller.js';
import { PartnerKeyGuard } from './partners/partner-key.guard.js';
import { PartnerStore } from './partners/partner-store.js';
import { PartnersController } from './partners/partners.controller.js';
import { EventStreamController, STREAM_SETTINGS, type StreamSettings } from './pull/event-stream.controller.js';
import { EventsController } from './pull/events.controller.js';
import { SnapshotController } from './snapshot/snapshot.controller.js';
import { SUBSCRIPTION_SETTINGS, SubscriptionsController, type SubscriptionSettings } from './subscriptions/subscriptions.controller.js';
import { SubscriptionStore } from './subscriptions/subscription-store.js';

export interface GatewayModuleOptions {
  dataSource: DataSource;
  partners: PartnerStore;
  log: IntegrationLog;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryStore;
  jobs: JobStore;
  metrics: Registry;
  /** Direct Kafka for partners; null when the gateway runs without Kafka. */
  kafkaAccess: PartnerKafkaAccess | null;
  auth: AuthConfig;
  healthChecks: HealthCheck[];
  subscriptionSettings: SubscriptionSettings;
  streamSettings: StreamSettings;
}

/** Admins' partner management (platform tokens) and the partners' own API (their keys). */
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayModuleOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        AuthModule.forRoot({
          dataSource: options.dataSource,
          config: options.auth,
          publicControllers: [HealthController, AsyncApiController, MetricsController],
        }),
      ],
      controllers: [
        HealthController,
        MetricsController,
        AsyncApiController,
        PartnersController,
        PartnerKafkaController,
        SubscriptionsController,
        EventsController,
        EventStreamController,
        SnapshotController,
        SubscriptionJobsController,
      ],
      providers: [
        PartnerKeyGuard,
        { provide: PartnerStore, useValue: options.partners },
        { provide: PartnerKafkaAccess, useValue: options.kafkaAccess },
        { provide: IntegrationLog, useValue: options.log },
        { provide: SubscriptionStore, useValue: options.subscriptions },
        { provide: DeliveryStore, useValue: options.deliveries },
        { provide: JobStore, useValue: options.jobs },
        { provide: SUBSCRIPTION_SETTINGS, useValue: options.subscriptionSettings },
        { provide: STREAM_SETTINGS, useValue: options.streamSettings },
        { provide: HEALTH_CHECKS, useValue: options.healthChecks },
        { provide: METRICS_REGISTRY, useValue: options.metrics },
      ],
    };
  }
}
