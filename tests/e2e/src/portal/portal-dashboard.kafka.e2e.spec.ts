import type { BrowserContext, Page } from 'playwright-core';
import { CALLER_PASSWORD } from '../callers.js';
import { screenshot, seriousViolations, signIn, policyViolations } from './browser.js';
import { ADMIN, command, startPortalPlatform, view, type PortalPlatform } from './portal-platform.js';

/**
 * The portal in Debian's Chromium against the real apps on Kafka: what the dashboard shows must be what
 * the views answer and what the test sent (computed here, never by the portal's code).
 */
describe('the web portal: signing in, the dashboard, lineage, roles and languages', () => {
  let platform: PortalPlatform;
  let context: BrowserContext;
  let page: Page;
  let refused: string[] = [];
  const today = new Date().toISOString().slice(0, 10);
  const year = today.slice(0, 4);
  // Sent below: two projects, 1,000,000 + 500,000 committed today, 250,000 disbursed today.
  const SENT = { projects: 2, netCommitment: '1500000.00', disbursed: '250000.00', undisbursed: '1250000.00', ratio: 250000 / 1500000 };

  beforeAll(async () => {
    platform = await startPortalPlatform('portal_dash');
    const { api, views } = platform;
    const tokens: string[] = [];
    for (const [id, cluster, country] of [
      ['WEB-TR', 'transport', 'KZ'],
      ['WEB-HE', 'health', 'KG'],
    ] as const) {
      const registered = await command(api, 'projects', { id, title: `Portal ${id}`, cluster, countries: [{ code: country, percentage: 100 }] });
      expect(registered.status).toBe(201);
    }
    for (const [id, kind, amount] of [
      ['WEB-TR', 'commitments', '1000000.00'],
      ['WEB-HE', 'commitments', '500000.00'],
      ['WEB-TR', 'disbursements', '250000.00'],
    ] as const) {
      const answer = await command(api, `projects/${id}/${kind}`, { amount, currency: 'USD', date: today, financier: 'XM-DAC-46004' });
      expect(answer.status).toBe(201);
      tokens.push(String(answer.body.consistentWith));
    }
    for (const token of tokens) await view(views, 'projects', token);
    context = await platform.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    refused = policyViolations(page);
  });

  afterAll(async () => {
    await context?.close();
    await platform?.stop();
  });

  const value = (id: string) => page.getByTestId(`headline-${id}`).getAttribute('data-value');

  it('signs in with a platform account; the sign-in page has no serious accessibility violation', async () => {
    await page.goto(platform.portal.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await page.getByLabel('User name').fill(ADMIN.username);
    await page.getByLabel('Password').fill('wrong password, long enough');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor();
    await signIn(page, platform.portal.url, ADMIN.username, ADMIN.password);
    expect(await page.getByText(`Signed in as ${ADMIN.username} (admin)`).count()).toBe(1);
  });

  it('shows the headline figures the views answer, equal to what was sent', async () => {
    await page
      .getByTestId('headline-projects')
      .and(page.locator(`[data-value="${SENT.projects}"]`))
      .waitFor();
    const api = await view<{ items: { key: string; projects: number; usd: Record<string, unknown> }[] }>(
      platform.views,
      `portfolio/summary?groupBy=portfolio&from=${year}-01-01&to=${year}-12-31`,
    );
    const all = api.items[0]!;
    expect([await value('projects'), await value('netCommitment'), await value('disbursed'), await value('undisbursed'), await value('ratio')]).toEqual([
      String(all.projects),
      all.usd.netCommitment,
      all.usd.disbursed,
      all.usd.undisbursed,
      String(all.usd.disbursementRatio),
    ]);
    expect([all.projects, all.usd.netCommitment, all.usd.disbursed, all.usd.undisbursed]).toEqual([
      SENT.projects,
      SENT.netCommitment,
      SENT.disbursed,
      SENT.undisbursed,
    ]);
    expect(all.usd.disbursementRatio).toBeCloseTo(SENT.ratio, 4);
    expect(await page.getByTestId('headline-netCommitment').textContent()).toContain('$1,500,000');
    expect(await page.getByTestId('headline-ratio').textContent()).toContain('16.7%');
    // The breakdown by cluster: one project in transport, its commitment.
    const transport = page.getByTestId('breakdown').locator('tr[data-key="transport"]');
    expect(await transport.textContent()).toContain('$1,000,000');
    await page
      .getByTestId('curve')
      .and(page.locator(`[data-actual="${SENT.disbursed}"]`))
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard');
  });

  it('clicks through from a figure to the events behind it', async () => {
    await page.getByTestId('headline-disbursed').getByRole('link').click();
    await page.getByRole('heading', { name: 'Where the figure comes from' }).waitFor();
    await page.getByTestId('lineage').locator('tbody tr').first().waitFor();
    const rows = page.getByTestId('lineage').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('WEB-TR');
    expect(await page.getByTestId('lineage-total').textContent()).toContain('$250,000');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'lineage');
  });

  it('renders in Russian: the catalogue, and numbers and money the Russian way', async () => {
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('heading', { name: 'Сводка по портфелю' }).waitFor();
    const money = (await page.getByTestId('headline-netCommitment').textContent())!.replace(/\s/g, ' ');
    expect(money).toContain('1 500 000 $');
    expect(await page.getByText('Основные показатели').count()).toBe(1);
    await screenshot(page, 'dashboard-ru');
    await page.getByLabel('Язык').selectOption('en');
    await page.getByRole('heading', { name: 'Portfolio dashboard' }).waitFor();
  });

  it('shows command buttons to an admin and none to a viewer', async () => {
    await page.goto(`${platform.portal.url}/projects/WEB-TR`);
    await page.getByRole('heading', { level: 1, name: /WEB-TR/ }).waitFor();
    expect(await page.locator('button.command-button').count()).toBeGreaterThan(2);
    expect(await seriousViolations(page)).toEqual([]);

    const viewer = await platform.browser.newContext({ locale: 'en-GB' });
    const viewerPage = await viewer.newPage();
    await signIn(viewerPage, platform.portal.url, 'viewer', CALLER_PASSWORD);
    await viewerPage.goto(`${platform.portal.url}/projects/WEB-TR`);
    await viewerPage.getByRole('heading', { level: 1, name: /WEB-TR/ }).waitFor();
    await viewerPage.getByTestId('timeline').waitFor();
    expect(await viewerPage.locator('button.command-button').count()).toBe(0);
    await viewerPage.goto(`${platform.portal.url}/projects`);
    await viewerPage.getByTestId('projects').waitFor();
    expect(await viewerPage.getByRole('link', { name: 'Register a project' }).count()).toBe(0);
    expect(await seriousViolations(viewerPage)).toEqual([]);
    await screenshot(viewerPage, 'projects-viewer');
    await viewer.close();
  });

  it('runs under its own Content-Security-Policy without any part of it being refused', async () => {
    await page.goto(platform.portal.url);
    await page.getByTestId('curve').locator('canvas').first().waitFor(); // the disbursement chart was drawn (lazy-loaded script, canvas)
    expect(refused).toEqual([]);
  });
});
