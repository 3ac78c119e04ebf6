import { authorization, getJson, postJson, type AppProcess, startKafkaPlatform, type KafkaPlatform } from './platform-process.js';

/** Dates as this test reckons them: days in UTC arithmetic, "today" in Almaty (where the API measures it). */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const [year, month] = today.split('-').map(Number) as [number, number];
const lastQuarterEnd = addDays(`${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`, -1);

const PROJECT = 'ECAB-TT-01';
const AGREEMENT = 'AG-ECAB-TT-01';
const FINANCIER = 'XM-DAC-46004';
const source = { citation: 'Loan ledger (e2e)', date: today, confidence: 'illustrative' };

// What the test records, named so that every expected figure is a sum of these.
const COMMITTED = { amount: 1_000_000, date: addDays(lastQuarterEnd, -150) };
const EARLY = { amount: 100_000, date: addDays(lastQuarterEnd, -60) };
const LATE = { amount: 250_000, date: addDays(lastQuarterEnd, -14) }; // effective last quarter, reported now
const WRONG = { id: 'C-WRONG', amount: 500_000, date: addDays(lastQuarterEnd, -50) }; // entered wrong…
const RIGHT = { id: 'C-RIGHT', amount: 450_000, date: WRONG.date }; // …and re-recorded

const usd = (n: number) => n.toFixed(2);
const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

/**
 * Time travel end to end on Kafka: commands over HTTP, the views answering "as recorded at" and "as
 * effective on" from the event store, with a late-reported disbursement and a corrected commitment.
 */
describe('a program manager reads a project and the portfolio as recorded at a past instant and as effective on a date', () => {
  let api: AppProcess;
  let views: AppProcess;
  let platform: KafkaPlatform;
  let beforeLateReport: string;
  let beforeCorrection: string;
  let afterCorrection: string;

  async function send(path: string, body: unknown): Promise<string> {
    const response = await postJson(`${api.url}/api/v1/${path}`, body);
    // 201 for what a command creates, 200 for what it changes (a reversal).
    expect({ path, created: response.status === 201 || response.status === 200 }).toEqual({ path, created: true });
    return response.body.consistentWith as string;
  }
  async function instant(): Promise<string> {
    await pause();
    const at = new Date().toISOString();
    await pause();
    return at;
  }

  beforeAll(async () => {
    platform = await startKafkaPlatform('travel');
    ({ api, views } = platform);

    await send('projects', { id: PROJECT, title: 'Time-travel road', cluster: 'transport', countries: [{ code: 'KZ', percentage: 100 }] });
    await send(`projects/${PROJECT}/commitments`, { amount: usd(COMMITTED.amount), currency: 'USD', date: COMMITTED.date, financier: FINANCIER });
    await send(`projects/${PROJECT}/disbursements`, { amount: usd(EARLY.amount), currency: 'USD', date: EARLY.date, financier: FINANCIER });
    beforeLateReport = await instant();
    await send(`projects/${PROJECT}/disbursements`, { amount: usd(LATE.amount), currency: 'USD', date: LATE.date, financier: FINANCIER });
    await send(`projects/${PROJECT}/agreements`, {
      id: AGREEMENT,
      agreementNumber: '9999-KAZ',
      financier: { organisationId: FINANCIER, name: 'Asian Development Bank' },
      instrument: 'loan',
      financeType: '421',
      flowType: '10',
      aidType: 'C01',
      amount: usd(WRONG.amount),
      currency: 'USD',
      signedDate: addDays(lastQuarterEnd, -80),
      source,
    });
    await send(`agreements/${AGREEMENT}/commitments`, { id: WRONG.id, amount: usd(WRONG.amount), currency: 'USD', valueDate: WRONG.date });
    beforeCorrection = await instant();
    // A data-entry error: reversed as of the wrong record's own date (it never happened), then recorded right.
    await send(`agreements/${AGREEMENT}/transactions/${WRONG.id}/reversal`, { reasonCode: 'DATA_ENTRY_ERROR', source, effectiveDate: WRONG.date });
    const last = await send(`agreements/${AGREEMENT}/commitments`, { id: RIGHT.id, amount: usd(RIGHT.amount), currency: 'USD', valueDate: RIGHT.date });
    afterCorrection = await instant();
    // The live view has it all before the past is asked about (time travel itself reads the event store).
    const live = await getJson(`${views.url}/api/v1/projects/${PROJECT}?consistentWith=${encodeURIComponent(last)}`);
    expect(live.status).toBe(200);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const financing = (committed: number, disbursed: number) => [{ currency: 'USD', committed: usd(committed), disbursed: usd(disbursed) }];
  async function transport(query: string): Promise<{ status: number; headers: Headers; cluster: unknown }> {
    const response = await getJson(`${views.url}/api/v1/portfolio/summary?${query}`);
    const cluster = (response.body.clusters as { cluster: string }[] | undefined)?.find((c) => c.cluster === 'transport');
    return { status: response.status, headers: response.headers, cluster };
  }

  it('shows a late-reported disbursement as effective last quarter, but not as recorded before it was reported', async () => {
    const recorded = await getJson(`${views.url}/api/v1/projects/${PROJECT}?recordedAt=${encodeURIComponent(beforeLateReport)}`);
    expect(recorded.status).toBe(200);
    expect(recorded.headers.get('ecab-as-recorded-at')).toBe(beforeLateReport);
    expect(recorded.headers.get('ecab-as-effective-on')).toBeNull();
    expect(recorded.body.financing).toEqual(financing(COMMITTED.amount, EARLY.amount));

    const effective = await getJson(`${views.url}/api/v1/projects/${PROJECT}?effectiveOn=${lastQuarterEnd}`);
    expect(effective.status).toBe(200);
    expect(effective.headers.get('ecab-as-effective-on')).toBe(lastQuarterEnd);
    expect(effective.body.financing).toEqual(financing(COMMITTED.amount + RIGHT.amount, EARLY.amount + LATE.amount));

    const earlier = await getJson(`${views.url}/api/v1/projects/${PROJECT}?effectiveOn=${addDays(LATE.date, -1)}`);
    expect(earlier.body.financing).toEqual(financing(COMMITTED.amount + RIGHT.amount, EARLY.amount));

    // Both together: last quarter as the platform knew it before the late report.
    const both = await transport(`effectiveOn=${lastQuarterEnd}&recordedAt=${encodeURIComponent(beforeLateReport)}`);
    expect(both.status).toBe(200);
    expect(both.cluster).toEqual({ cluster: 'transport', projects: 1, financing: financing(COMMITTED.amount, EARLY.amount) });
    expect(both.headers.get('ecab-as-recorded-at')).toBe(beforeLateReport);
    expect(both.headers.get('ecab-as-effective-on')).toBe(lastQuarterEnd);
  });

  it('shows a corrected commitment as it was known before the correction, and the correction from then on, on every date', async () => {
    expect((await transport(`recordedAt=${encodeURIComponent(beforeCorrection)}`)).cluster).toEqual({
      cluster: 'transport',
      projects: 1,
      financing: financing(COMMITTED.amount + WRONG.amount, EARLY.amount + LATE.amount),
    });
    const corrected = { cluster: 'transport', projects: 1, financing: financing(COMMITTED.amount + RIGHT.amount, EARLY.amount + LATE.amount) };
    expect((await transport(`recordedAt=${encodeURIComponent(afterCorrection)}`)).cluster).toEqual(corrected);
    expect((await transport(`effectiveOn=${lastQuarterEnd}`)).cluster).toEqual(corrected);
    // Before the commitment's date there was neither the wrong nor the right one.
    expect((await transport(`effectiveOn=${addDays(WRONG.date, -1)}`)).cluster).toEqual({
      cluster: 'transport',
      projects: 1,
      financing: financing(COMMITTED.amount, EARLY.amount),
    });
    // Today, time travel answers what the live view answers.
    expect((await transport(`effectiveOn=${today}`)).cluster).toEqual((await transport('')).cluster);
  });

  it('refuses a recordedAt in the future and malformed values with a problem naming each field', async () => {
    const future = await getJson(
      `${views.url}/api/v1/projects/${PROJECT}?recordedAt=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}&effectiveOn=${addDays(today, 3)}`,
    );
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ status: 400, errors: [{ pointer: '/recordedAt' }, { pointer: '/effectiveOn' }] });
    const malformed = await fetch(`${views.url}/api/v1/portfolio/summary?recordedAt=last-week&effectiveOn=31.03.2026`, { headers: authorization() });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await malformed.json()) as { errors: { pointer: string }[] };
    expect(body.errors.map((e) => e.pointer).sort()).toEqual(['/effectiveOn', '/recordedAt']);
  });
});
