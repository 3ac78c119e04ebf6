import type { BrowserContext, Page } from 'playwright-core';
import { CALLER_PASSWORD } from '../callers.js';
import { commandRequests, screenshot, seriousViolations, signIn } from './browser.js';
import { command, startPortalPlatform, view, type PortalPlatform } from './portal-platform.js';

interface AgreementView {
  agreementId: string;
  committed: string;
  cancelled: string;
  netCommitment: string;
  disbursed: string;
  spent: string;
}

interface ProjectView {
  version: number;
  agreements: AgreementView[];
  milestones: { milestoneId: string; status: string; forecastDate: string | null; actualDate: string | null; slippageDays: number }[];
  results: {
    resultId: string;
    title: string;
    indicators: { indicatorId: string; title: string; actual: { value: string } | null; target: { value: string } | null }[];
  }[];
  ratings: { period: string; overall: string; ratings: Record<string, string>; rationale: string | null }[];
}

/** Whole dollars as the API writes them ("1250000.00"). */
const decimal = (dollars: number) => `${dollars}.00`;
/** Whole dollars as the portal shows them in English ("$1,250,000"). */
const shown = (dollars: number) => `$${dollars.toLocaleString('en-GB')}`;
const DAY = 86_400_000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The recording forms beyond the first ones, in Chromium against the real apps on Kafka, as a program
 * manager of the transport cluster: every figure expected is computed here from what the test sent.
 */
describe('the web portal: payments, cancellations, reversals, milestones, results and ratings', () => {
  let platform: PortalPlatform;
  let context: BrowserContext;
  let page: Page;
  const ID = 'WEB-FORMS-1';
  const AGREEMENT = 'AG-FORMS-1';
  const now = Date.now();
  const today = isoDate(now);
  // Sent through the API before the page opens.
  const COMMITTED = 1_000_000;
  const RECEIVED = 600_000;
  const BASELINE = isoDate(now - 20 * DAY);

  beforeAll(async () => {
    platform = await startPortalPlatform('portal_forms');
    const { api, views } = platform;
    const sent = [
      await command(api, 'projects', { id: ID, title: 'Almaty bypass (forms)', cluster: 'transport', countries: [{ code: 'KZ', percentage: 100 }] }),
      await command(api, `projects/${ID}/agreements`, {
        id: AGREEMENT,
        agreementNumber: 'L-FORMS-1',
        financier: { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' },
        instrument: 'loan',
        financeType: '421',
        flowType: '10',
        aidType: 'C01',
        amount: decimal(COMMITTED),
        currency: 'USD',
        signedDate: today,
      }),
      await command(api, `agreements/${AGREEMENT}/effectiveness`, { effectivenessDate: today }),
      await command(api, `agreements/${AGREEMENT}/commitments`, { amount: decimal(COMMITTED), currency: 'USD', valueDate: today }),
      await command(api, `agreements/${AGREEMENT}/funds-received`, { amount: decimal(RECEIVED), currency: 'USD', valueDate: today }),
      await command(api, `projects/${ID}/milestones`, { id: 'MS-SIGN', category: 'signing', baselineDate: BASELINE }),
    ];
    for (const answer of sent) expect(answer.status).toBeLessThan(300);
    for (const answer of sent) await view(views, `projects/${ID}`, String(answer.body.consistentWith));
    context = await platform.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    await signIn(page, platform.portal.url, 'pm-transport', CALLER_PASSWORD);
    // Starting Kafka-backed apps on a shared, loaded machine can take a while.
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await platform?.stop();
  });

  const form = (name: string) => page.getByRole('form', { name });
  const submit = (name: string) => form(name).getByRole('button', { name: 'Record' });
  const agreement = () => page.locator(`article[data-agreement="${AGREEMENT}"]`);
  const figure = (name: string, dollars: number) => agreement().locator(`[data-testid="agreement-${name}"][data-amount="${decimal(dollars)}"]`);
  const project = () => view<ProjectView>(platform.views, `projects/${ID}`);
  const agreementView = async () => (await project()).agreements.find((a) => a.agreementId === AGREEMENT)!;

  it('records a payment on, a cancellation and the reversal of the payment; the figures move by what was sent', async () => {
    const PAID = 250_000;
    const CANCELLED = 150_000;
    await page.goto(`${platform.portal.url}/projects/${ID}`);
    await figure('disbursed', RECEIVED).waitFor();

    await agreement().getByRole('button', { name: 'Record a disbursement (onward payment)' }).click();
    await form('Record a disbursement (onward payment)').getByLabel('Transaction id (optional)').fill('PAY-1');
    await form('Record a disbursement (onward payment)').getByLabel('Amount').fill(decimal(PAID));
    await form('Record a disbursement (onward payment)').getByLabel('Paid to (optional)').fill('Kordai Road Contractor LLC');
    await submit('Record a disbursement (onward payment)').click();
    await figure('spent', PAID).waitFor();
    expect((await agreementView()).spent).toBe(decimal(PAID));

    await agreement().getByRole('button', { name: 'Cancel funds' }).click();
    await form('Cancel funds').getByLabel('Amount').fill(decimal(CANCELLED));
    await form('Cancel funds').getByLabel('Reason').fill('Savings on the supervision contract');
    await submit('Cancel funds').click();
    await figure('netCommitment', COMMITTED - CANCELLED).waitFor();
    await figure('cancelled', CANCELLED).waitFor();
    await page
      .getByTestId('committed-USD')
      .filter({ hasText: shown(COMMITTED - CANCELLED) })
      .waitFor();
    expect(await agreementView()).toMatchObject({ cancelled: decimal(CANCELLED), netCommitment: decimal(COMMITTED - CANCELLED) });

    await agreement().getByRole('button', { name: 'Reverse: PAY-1' }).click();
    await form('Reverse a transaction').getByLabel('Why it is reversed').selectOption('DUPLICATE_ENTRY');
    await form('Reverse a transaction').getByLabel('Source (document or report)').fill('Contractor statement of account, reconciled');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'project-reversal');
    await submit('Reverse a transaction').click();
    await figure('spent', PAID - PAID).waitFor();
    // Reversed once: the payment offers no second reversal.
    expect(await agreement().getByRole('button', { name: 'Reverse: PAY-1' }).count()).toBe(0);
    expect(await agreementView()).toMatchObject({ spent: decimal(0), disbursed: decimal(RECEIVED), netCommitment: decimal(COMMITTED - CANCELLED) });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'project-money');
  });

  it('reschedules a milestone and then achieves it; the slippage follows from the dates sent', async () => {
    const SLIP_DAYS = 45;
    const forecast = isoDate(Date.parse(BASELINE) + SLIP_DAYS * DAY);
    const row = page.locator('tr[data-milestone="MS-SIGN"]');
    await page.goto(`${platform.portal.url}/projects/${ID}`);
    await row.getByRole('button', { name: 'Reschedule: Signing' }).click();
    await form('Reschedule a milestone').getByLabel('New forecast date').fill(forecast);
    await form('Reschedule a milestone').getByLabel('Reason').fill('Negotiations extended');
    await submit('Reschedule a milestone').click();
    await row
      .getByTestId('slippage')
      .filter({ hasText: new RegExp(`^${SLIP_DAYS}$`) })
      .waitFor();
    expect((await project()).milestones.find((m) => m.milestoneId === 'MS-SIGN')).toMatchObject({ forecastDate: forecast, slippageDays: SLIP_DAYS });

    await row.getByRole('button', { name: 'Achieve: Signing' }).click();
    await form('Achieve').getByLabel('Achieved on').fill(today);
    await submit('Achieve').click();
    await row.getByTestId('milestone-status').filter({ hasText: 'achieved' }).waitFor();
    const achievedSlip = Math.round((Date.parse(today) - Date.parse(BASELINE)) / DAY);
    expect((await project()).milestones.find((m) => m.milestoneId === 'MS-SIGN')).toMatchObject({
      status: 'achieved',
      actualDate: today,
      slippageDays: achievedSlip,
    });
    expect(await row.getByRole('button').count()).toBe(0);
  });

  it('defines a result and an indicator, sets its target and reports an actual', async () => {
    await page.goto(`${platform.portal.url}/projects/${ID}`);
    await page.getByRole('button', { name: 'Define a result' }).click();
    await form('Define a result').getByLabel('Id (optional)').fill('OUT-1');
    await form('Define a result').getByLabel('Result type').selectOption('2');
    await form('Define a result').getByLabel('Title').fill('Faster freight across the corridor');
    await submit('Define a result').click();

    await page.getByRole('button', { name: 'Define an indicator: Faster freight across the corridor' }).click();
    await form('Define an indicator').getByLabel('Id (optional)').fill('TRUCK-HOURS');
    await form('Define an indicator').getByLabel('Title').fill('Truck crossing time');
    await form('Define an indicator').getByLabel('Better when the value is').selectOption('false');
    await form('Define an indicator').getByLabel('Unit (optional)').fill('hours');
    await submit('Define an indicator').click();
    const row = page.locator('tr[data-indicator="TRUCK-HOURS"]');

    await row.getByRole('button', { name: 'Set a target: Truck crossing time' }).click();
    await form('Set a target').getByLabel('Value').fill('4');
    await submit('Set a target').click();
    await row.getByTestId('target').filter({ hasText: '4 hours' }).waitFor();

    await row.getByRole('button', { name: 'Report an actual: Truck crossing time' }).click();
    await form('Report an actual').getByLabel('Value').fill('6.5');
    await form('Report an actual').getByLabel('Source (optional)').fill('Border agency crossing log');
    await submit('Report an actual').click();
    await row.getByTestId('actual').filter({ hasText: '6.5 hours (awaiting verification)' }).waitFor();
    const indicator = (await project()).results.find((r) => r.resultId === 'OUT-1')!.indicators.find((i) => i.indicatorId === 'TRUCK-HOURS');
    expect(indicator).toMatchObject({ title: 'Truck crossing time', target: { value: '4' }, actual: { value: '6.5' } });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'project-results');
  });

  it('rates the current quarter', async () => {
    const now = new Date();
    const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    await page.goto(`${platform.portal.url}/projects/${ID}`);
    await page.getByRole('button', { name: 'Rate performance' }).click();
    const rate = form('Rate performance');
    expect(await rate.getByLabel('Quarter (YYYY-Qn)').inputValue()).toBe(quarter);
    await rate.getByLabel('Contract awards').selectOption('at_risk');
    await rate.getByLabel('Overall rating').selectOption('for_attention');
    await rate.getByLabel('Rationale (optional)').fill('The main works contract is not yet awarded');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'project-rate-performance');
    await submit('Rate performance').click();
    await page.getByTestId('ratings').locator('tr', { hasText: quarter }).filter({ hasText: 'For attention' }).waitFor();
    expect((await project()).ratings).toEqual([
      expect.objectContaining({
        period: quarter,
        overall: 'for_attention',
        ratings: { outputs: 'on_track', contract_awards: 'at_risk', disbursements: 'on_track', financial_management: 'on_track', safeguards: 'on_track' },
        rationale: 'The main works contract is not yet awarded',
      }),
    ]);
  });

  it("refuses a bad field in the browser, with the API's schema, before any request is sent", async () => {
    await page.goto(`${platform.portal.url}/projects/${ID}`);
    await agreement().getByRole('button', { name: 'Record a disbursement (onward payment)' }).click();
    const pay = form('Record a disbursement (onward payment)');
    await pay.getByLabel('Amount').fill('12,5');
    await pay.getByLabel('Currency').fill('usd');
    const sent = commandRequests(page);
    await submit('Record a disbursement (onward payment)').click();
    await pay.getByTestId('error-amount').waitFor();
    expect(await pay.getByTestId('error-amount').textContent()).toContain('must be a positive decimal string');
    expect(await pay.getByTestId('error-currency').textContent()).toContain('is not an ISO 4217 currency code');
    expect(await pay.getByLabel('Amount').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'project-form-errors');
    await pay.getByRole('button', { name: 'Cancel' }).click();

    // A field of the route is checked by the route's schema: the quarter of a rating.
    await page.getByRole('button', { name: 'Rate performance' }).click();
    await form('Rate performance').getByLabel('Quarter (YYYY-Qn)').fill('2026-Q5');
    await submit('Rate performance').click();
    await form('Rate performance').getByTestId('error-period').filter({ hasText: 'must be a quarter written YYYY-Qn' }).waitFor();
    expect(sent).toEqual([]);
    expect((await agreementView()).spent).toBe(decimal(0));
  });

  it("shows someone else's change on the open page without a reload (the page polls the project's view)", async () => {
    const LATER = 75_000;
    await page.goto(`${platform.portal.url}/projects/${ID}`);
    await figure('disbursed', RECEIVED).waitFor();
    const timelineRows = page.getByTestId('timeline').locator('tbody tr');
    await timelineRows.first().waitFor();
    const eventsBefore = await timelineRows.count();
    let navigations = 0;
    page.on('framenavigated', () => navigations++);

    // Another client records funds received straight through the API, as the admin.
    const answer = await command(platform.api, `agreements/${AGREEMENT}/funds-received`, { amount: decimal(LATER), currency: 'USD', valueDate: today });
    expect(answer.status).toBe(201);

    // A generous bound for a loaded machine: the refresh interval itself is what keeps it within 2 s.
    await figure('disbursed', RECEIVED + LATER).waitFor({ timeout: 20_000 });
    await page
      .getByTestId('disbursed-USD')
      .filter({ hasText: shown(RECEIVED + LATER) })
      .waitFor({ timeout: 20_000 });
    // The timeline follows the profile: one more event, recorded by the other client.
    await page.waitForFunction(`document.querySelectorAll('[data-testid="timeline"] tbody tr').length === ${eventsBefore + 1}`, undefined, { timeout: 20_000 });
    expect(await timelineRows.last().textContent()).toContain('test-admin');
    expect(navigations).toBe(0);
  });
});
