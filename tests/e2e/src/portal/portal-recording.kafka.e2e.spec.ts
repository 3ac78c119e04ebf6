import type { BrowserContext, Page } from 'playwright-core';
import { CALLER_PASSWORD } from '../callers.js';
import { commandRequests, screenshot, seriousViolations, signIn } from './browser.js';
import { command, startPortalPlatform, view, type PortalPlatform } from './portal-platform.js';

interface ProjectView {
  id: string;
  title: string;
  cluster: string;
  agreements: { agreementId: string; transactions: { kind: string; amount: string }[] }[];
}

/**
 * Recording through the portal's forms in Chromium, as a program manager limited to the transport
 * cluster, against the real apps on Kafka; every expectation is read back from the API.
 */
describe('the web portal: recording what happened, field errors, conflicts and the time machine', () => {
  let platform: PortalPlatform;
  let context: BrowserContext;
  let page: Page;
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const ID = 'WEB-REG-1';
  /** An instant after the commitment and before the funds received were recorded. */
  let beforeFunds = '';

  beforeAll(async () => {
    platform = await startPortalPlatform('portal_rec');
    // A project of another cluster, which this manager may read but not act on.
    expect(
      (await command(platform.api, 'projects', { id: 'WEB-HE-9', title: 'Clinic', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] })).status,
    ).toBe(201);
    context = await platform.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    await signIn(page, platform.portal.url, 'pm-transport', CALLER_PASSWORD);
  });

  afterAll(async () => {
    await context?.close();
    await platform?.stop();
  });

  const submit = (form: string) => page.getByRole('form', { name: form }).getByRole('button', { name: 'Record' });

  it("checks the fields with the API's own schemas before sending: each problem beside its field, no request sent", async () => {
    const sent = commandRequests(page);
    await page.goto(`${platform.portal.url}/projects/new`);
    const form = page.getByRole('form', { name: 'Register a project' });
    // The form loads with its schemas (a chunk of its own): wait for it before reading what it offers.
    await form.getByLabel('Cluster').waitFor();
    // Only the manager's own cluster is offered.
    expect(await form.getByLabel('Cluster').locator('option').allTextContents()).toEqual(['Transport']);
    await form.getByLabel('Id (optional)').fill('WEB-BAD-1');
    await form.getByLabel('Title').fill('   ');
    await form.getByLabel('Share of KZ, %').fill('150');
    await submit('Register a project').click();
    await page.getByTestId('error-title').waitFor();
    expect(await page.getByTestId('error-title').textContent()).toContain('must not be blank');
    expect(await page.getByTestId('error-share-KZ').textContent()).toContain('must be at most 100');
    expect(await form.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('alert').textContent()).toContain('nothing was sent');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'register-project-errors');
    expect(sent).toEqual([]);
  });

  it("shows the API's own 400 beside the field when only the API can tell (text that cannot be stored), and records nothing", async () => {
    const sent = commandRequests(page);
    await page.goto(`${platform.portal.url}/projects/new`);
    const form = page.getByRole('form', { name: 'Register a project' });
    await form.getByLabel('Id (optional)').fill('WEB-BAD-2');
    // The schema takes any text; the API refuses a NUL character, which the database cannot store.
    await form.getByLabel('Title').fill('Ring\u0000road');
    await submit('Register a project').click();
    await page.getByTestId('error-title').waitFor();
    expect(await page.getByTestId('error-title').textContent()).toContain('must not contain the NUL character');
    expect(await form.getByRole('alert').textContent()).toContain('The platform refused some fields');
    expect(sent).toEqual(['POST /api/v1/projects']);
    const list = await view<{ items: { id: string }[] }>(platform.views, 'projects');
    expect(list.items.map((p) => p.id)).not.toEqual(expect.arrayContaining(['WEB-BAD-1', 'WEB-BAD-2']));
  });

  it('registers a project through the form and finds it in the list', async () => {
    await page.goto(`${platform.portal.url}/projects/new`);
    const form = page.getByRole('form', { name: 'Register a project' });
    await form.getByLabel('Id (optional)').fill(ID);
    await form.getByLabel('Title').fill('Bishkek ring road (portal)');
    await form.getByLabel('Share of KZ, %').fill('40');
    await form.getByLabel('Share of KG, %').fill('60');
    await screenshot(page, 'register-project');
    await submit('Register a project').click();
    await page.getByRole('heading', { level: 1, name: `${ID}: Bishkek ring road (portal)` }).waitFor();
    const project = await view<ProjectView & { countries: unknown }>(platform.views, `projects/${ID}`);
    expect(project).toMatchObject({
      title: 'Bishkek ring road (portal)',
      cluster: 'transport',
      countries: [
        { code: 'KZ', percentage: 40 },
        { code: 'KG', percentage: 60 },
      ],
    });

    await page.getByRole('link', { name: 'Projects', exact: true }).first().click();
    await page.getByLabel('Search (id or title)').fill('ring road');
    await page.getByLabel('Search (id or title)').press('Enter');
    await page.waitForURL(/q=ring/);
    // The unfiltered list stays on screen until the filtered answer arrives: wait for the table to change (generously:
    // on a loaded machine the answer has taken over 10 s); if it never does, the count below says what is shown.
    await page
      .waitForFunction(`document.querySelectorAll('[data-testid="projects"] tbody tr').length === 1`, undefined, { timeout: 60_000 })
      .catch(() => undefined);
    const rows = page.getByTestId('projects').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-id')).toBe(ID);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'projects');
  });

  it('signs an agreement, declares it effective, records a commitment and funds received; the page and the curve follow', async () => {
    await page.goto(`${platform.portal.url}/projects/${ID}`);
    await page.getByRole('button', { name: 'Sign an agreement' }).click();
    const sign = page.getByRole('form', { name: 'Sign an agreement' });
    await sign.getByLabel('Id (optional)').fill('AG-WEB-1');
    await sign.getByLabel('Agreement number').fill('G-0900-WEB');
    await sign.getByLabel('Amount').fill('2000000.00');
    await submit('Sign an agreement').click();
    const agreement = page.locator('article[data-agreement="AG-WEB-1"]');
    await agreement.getByRole('button', { name: 'Declare effective' }).click();
    await submit('Declare effective').click();
    // Effective: money may now be received under it.
    await agreement.getByRole('button', { name: 'Record funds received' }).waitFor();
    await agreement.getByRole('button', { name: 'Record a commitment' }).click();
    await page.getByRole('form', { name: 'Record a commitment' }).getByLabel('Amount').fill('2000000.00');
    await submit('Record a commitment').click();
    await page.getByTestId('committed-USD').filter({ hasText: '$2,000,000' }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    beforeFunds = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 1100));

    await agreement.getByRole('button', { name: 'Record funds received' }).click();
    await page.getByRole('form', { name: 'Record funds received' }).getByLabel('Amount').fill('300000.00');
    // A double click sends the same Idempotency-Key twice at most: the money counts once.
    await submit('Record funds received').dblclick();
    await page.getByTestId('disbursed-USD').filter({ hasText: '$300,000' }).waitFor();
    await page.locator('[data-testid="curve"][data-actual="300000.00"]').waitFor();
    const project = await view<ProjectView>(platform.views, `projects/${ID}`);
    const received = project.agreements.find((a) => a.agreementId === 'AG-WEB-1')!.transactions.filter((t) => t.kind === 'disbursement');
    expect(received.map((t) => t.amount)).toEqual(['300000.00']);
    expect(await page.getByTestId('timeline').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'project');
  });

  it('travels back in time: as recorded before the funds arrived, and as effective before the project existed', async () => {
    await page.goto(`${platform.portal.url}/projects/${ID}?recordedAt=${beforeFunds}`);
    await page.getByTestId('as-of-banner').filter({ hasText: 'as the platform knew it at' }).waitFor();
    await page.getByTestId('committed-USD').filter({ hasText: '$2,000,000' }).waitFor();
    await page.getByTestId('disbursed-USD').filter({ hasText: '$0' }).waitFor();
    expect(await page.locator('button.command-button').count()).toBe(0);
    expect(await page.getByTestId('position').textContent()).toMatch(/as of event \d+/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'project-as-of');
    await page.getByRole('button', { name: 'Back to now' }).click();
    await page.getByTestId('disbursed-USD').filter({ hasText: '$300,000' }).waitFor();

    // Through the control: as effective yesterday, the project registered today did not exist yet.
    await page.getByLabel('As effective on').fill(yesterday);
    await page.getByRole('button', { name: 'Show this past' }).click();
    await page.waitForURL(new RegExp(`effectiveOn=${yesterday}`));
    await page.getByText(`There is no project ${ID}.`).waitFor();
    expect(await page.getByTestId('as-of-banner').textContent()).toContain('You are looking at the past');
  });

  it('says so when someone else changed the project meanwhile (409 on If-Match) and offers a reload', async () => {
    await page.goto(`${platform.portal.url}/projects/${ID}`);
    await page.getByRole('button', { name: 'Change status' }).click();
    const form = page.getByRole('form', { name: 'Change status' });
    await form.getByLabel('New status').selectOption('5');
    // Someone else records a planned start date on the same project first.
    expect((await command(platform.api, `projects/${ID}/dates`, { dateType: '1', date: today })).status).toBeLessThan(300);
    await submit('Change status').click();
    await form.getByRole('alert').filter({ hasText: 'Someone changed this record meanwhile' }).waitFor();
    // It says what was recorded since the form was opened: the other date, by whom.
    expect(await form.getByTestId('changes-meanwhile').getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^ProjectDateRecorded — test-admin, /),
    ]);
    expect(await form.getByRole('button', { name: 'Reload the latest' }).count()).toBe(1);
    await screenshot(page, 'project-conflict');
    const project = await view<{ status: string | null }>(platform.views, `projects/${ID}`);
    expect(project.status).not.toBe('5');
  });

  it("lets a cluster-limited manager read, but not act on, another cluster's project", async () => {
    await page.goto(`${platform.portal.url}/projects/WEB-HE-9`);
    await page.getByRole('heading', { level: 1, name: /WEB-HE-9/ }).waitFor();
    await page.getByTestId('timeline').waitFor();
    expect(await page.locator('button.command-button').count()).toBe(0);
    expect(await page.getByText('only managers of the Health cluster act on it').count()).toBe(1);
  });
});
