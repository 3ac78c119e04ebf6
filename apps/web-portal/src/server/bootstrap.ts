import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { configureHttpApp, createLogger, createMetricsRegistry, PinoNestLogger, type HealthCheck } from '@ecab/platform';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Counter } from 'prom-client';
import type { PortalConfig } from './config.js';
import { PortalModule } from './portal.module.js';

/**
 * The single-page app's pages: scripts, style sheets, data and fonts from this origin only (the built assets
 * and the proxied /api), no inline script or style, no plugin, no framing. /api answers keep the API's policy.
 */
export const PORTAL_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export interface RunningPortal {
  app: NestExpressApplication;
  url: string;
  close(): Promise<void>;
}

/** Starts the portal's server: the built single-page app, /api proxied to portfolio-api and portfolio-views. */
export async function startPortal(config: PortalConfig): Promise<RunningPortal> {
  const log = createLogger('web-portal');
  if (!existsSync(join(config.publicDir, 'index.html')))
    throw new Error(`${config.publicDir}/index.html does not exist: build the portal first (npm run build)`);
  const metrics = createMetricsRegistry('web-portal');
  const proxied = new Counter<'upstream' | 'status'>({
    name: 'ecab_portal_proxied_requests_total',
    help: 'Requests passed on to portfolio-api or portfolio-views, by their answer',
    labelNames: ['upstream', 'status'],
    registers: [metrics],
  });
  const upstreams = { api: config.apiUrl, views: config.viewsUrl };
  // The portal works when both apps behind it answer.
  const healthChecks: HealthCheck[] = Object.entries({ 'portfolio-api': config.apiUrl, 'portfolio-views': config.viewsUrl }).map(([name, url]) => ({
    name,
    check: async () => {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2500) });
      await response.body?.cancel();
      if (response.status !== 200) throw new Error(`GET ${url}/health answered ${response.status}`);
    },
  }));
  // No body parser: a proxied body is streamed through as sent.
  const app = await NestFactory.create<NestExpressApplication>(
    PortalModule.forRoot({ upstreams, publicDir: config.publicDir, healthChecks, metrics, proxied }),
    {
      logger: new PinoNestLogger(log),
      bodyParser: false,
    },
  );
  configureHttpApp(app, [], { contentSecurityPolicy: (path) => (path === '/api' || path.startsWith('/api/') ? undefined : PORTAL_CONTENT_SECURITY_POLICY) });
  app.useStaticAssets(join(config.publicDir, 'assets'), { prefix: '/assets', immutable: true, maxAge: '365d', index: false, fallthrough: false });
  app.useStaticAssets(config.publicDir, { index: false });
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  log.info({ url, api: config.apiUrl, views: config.viewsUrl }, 'web-portal listening');
  return { app, url, close: () => app.close() };
}
