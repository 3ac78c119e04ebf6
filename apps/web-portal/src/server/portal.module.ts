import { HEALTH_CHECKS, HealthController, METRICS_REGISTRY, MetricsController, TerminusModule, type HealthCheck } from '@ecab/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { Counter, Registry } from 'prom-client';
import { PROXIED_REQUESTS, ProxyController, UPSTREAMS } from './proxy.controller.js';
import { PUBLIC_DIR, SpaController } from './spa.controller.js';
import type { Upstream } from './upstream.js';

export interface PortalModuleOptions {
  upstreams: Record<Upstream, string>;
  publicDir: string;
  healthChecks: HealthCheck[];
  metrics: Registry;
  proxied: Counter<'upstream' | 'status'>;
}

@Module({})
export class PortalModule {
  static forRoot(options: PortalModuleOptions): DynamicModule {
    return {
      module: PortalModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      // The single-page app's catch-all comes last: every other route is matched first.
      controllers: [HealthController, MetricsController, ProxyController, SpaController],
      providers: [
        { provide: HEALTH_CHECKS, useValue: options.healthChecks },
        { provide: METRICS_REGISTRY, useValue: options.metrics },
        { provide: UPSTREAMS, useValue: options.upstreams },
        { provide: PROXIED_REQUESTS, useValue: options.proxied },
        { provide: PUBLIC_DIR, useValue: options.publicDir },
      ],
    };
  }
}
