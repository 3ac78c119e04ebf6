import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '@ecab/testing';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core: never a browser download. `apt-get install -y chromium`
 * puts it at /usr/bin/chromium; CHROMIUM_PATH points elsewhere.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}

/** What a user sees, kept under docs/screenshots/ (committed, linked from the README). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshots', `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now (none is the goal). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugging protocol, which the portal's Content-Security-Policy does not cover
  // (an injected <script> would be refused, as it should be).
  await page.evaluate(axeSource);
  // Runs in the page (a string, so this Node-side file needs no DOM types).
  const violations = (await page.evaluate('axe.run(document).then((r) => r.violations)')) as {
    id: string;
    impact: string;
    help: string;
    nodes: { target: string[] }[];
  }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Collects what Chromium reports as refused by the page's Content-Security-Policy (a console error), so a
 * suite can require that the portal's own policy never blocks the portal itself.
 */
export function policyViolations(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

/** Signs in through the portal's own form, as a user would. */
export async function signIn(page: Page, portalUrl: string, username: string, password: string): Promise<void> {
  await page.goto(portalUrl);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Portfolio dashboard' }).waitFor();
}

/** The commands the page sends from now on (`POST /api/v1/projects`…), as they leave the browser. */
export function commandRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() !== 'GET' && path.startsWith('/api/v1/') && path !== '/api/v1/auth/token') sent.push(`${request.method()} ${path}`);
  });
  return sent;
}
