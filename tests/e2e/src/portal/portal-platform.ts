import { cleanUp } from '@ecab/testing';
import type { Browser } from 'playwright-core';
import { callerTokens, type Caller } from '../callers.js';
import { ADMIN, authorization, startApp, startKafkaPlatform, type AppProcess } from '../platform-process.js';
import { launchChromium } from './browser.js';

/** The real platform on Kafka (portfolio-api, portfolio-views, web-portal), its callers and one Chromium. */
export interface PortalPlatform {
  api: AppProcess;
  views: AppProcess;
  portal: AppProcess;
  browser: Browser;
  tokens: Map<Caller, string | undefined>;
  stop(): Promise<void>;
}

export async function startPortalPlatform(suite: string): Promise<PortalPlatform> {
  const platform = await startKafkaPlatform(suite);
  const { api, views } = platform;
  let portal: AppProcess | undefined;
  let browser: Browser | undefined;
  const stop = (): Promise<void> =>
    cleanUp(
      () => browser?.close(),
      () => portal?.stop(),
      () => platform.stop(),
    );
  try {
    portal = await startApp('web-portal', { API_URL: api.url, VIEWS_URL: views.url });
    const tokens = await callerTokens(api.url);
    browser = await launchChromium();
    return { api, views, portal, browser, tokens, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

export { ADMIN };

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** A command sent straight to portfolio-api (not through the portal), as the admin unless told. */
export async function command(
  api: AppProcess,
  path: string,
  body: unknown,
  options: { token?: string | undefined; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const auth = options.token ? { authorization: `Bearer ${options.token}` } : authorization();
  const response = await fetch(`${api.url}/api/v1/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth, ...options.headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A read straight from portfolio-views, waiting for a command's token when given. */
export async function view<T>(views: AppProcess, path: string, consistentWith?: string): Promise<T> {
  const separator = path.includes('?') ? '&' : '?';
  const response = await fetch(`${views.url}/api/v1/${path}${consistentWith ? `${separator}consistentWith=${encodeURIComponent(consistentWith)}` : ''}`, {
    headers: authorization(),
  });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
