import { pdfPages, pdfText, readXlsx, sheetRecords, waitFor, xpath } from '@ecab/testing';
import { authorization, type AppProcess } from './platform-process.js';
import { ADB, ROAD, ROAD_AGREEMENT as AGREEMENT, ROAD_CLUSTER, ROAD_COUNTRIES, startReportingPlatform, type ReportingPlatform } from './reporting-platform.js';

const HEALTH = 'ECAB-HE-01';
const HEALTH_COUNTRIES = [{ code: 'KG', percentage: 100 }];
/** A health agreement signed in the quarter and not effective by its end: awaiting effectiveness. */
const HEALTH_AGREEMENT = { id: 'ECAB-HE-01-F1', signedDate: '2025-04-10' };
/** What the test sends; its expectations are worked out from these alone. */
const ROAD_MONEY = [
  { route: 'commitments', id: 'C1', iati: '11', amount: '1500000.00', valueDate: '2025-03-20' },
  { route: 'funds-received', id: 'R1', iati: '1', amount: '450000.00', valueDate: '2025-05-20' },
  { route: 'disbursements', id: 'D1', iati: '3', amount: '120000.00', valueDate: '2025-06-01' },
];
/** KGS: a commitment dated before the first rate (so it has no USD value), funds after it. */
const KGS_RATES = [
  { currency: 'KGS', date: '2025-03-01', usdPerUnit: '0.0114' },
  { currency: 'KGS', date: '2025-05-01', usdPerUnit: '0.0115' },
];
const HEALTH_COMMITMENT = { amount: '50000000.00', date: '2025-02-10' };
const HEALTH_FUNDS = { amount: '10000000.00', date: '2025-05-20' };
const MILESTONE = { id: 'FS', category: 'fs-approved', baselineDate: '2025-05-31', effectiveDate: '2025-01-01' };

/** Each project's groups as the test sent them: its cluster, or each of its recipient countries. */
const GROUPS: Record<string, { cluster: string; country: string[] }> = {
  [ROAD]: { cluster: ROAD_CLUSTER, country: ROAD_COUNTRIES.map((c) => c.code) },
  [HEALTH]: { cluster: 'health', country: HEALTH_COUNTRIES.map((c) => c.code) },
};
const groupsOf = (project: string, by: 'cluster' | 'country'): string[] => [GROUPS[project]![by]].flat();
/** The list rows the test expects, by list: [project, the row's id]. */
const LISTED = {
  overdueMilestones: [[ROAD, `${ROAD}/${MILESTONE.id}`]],
  awaitingEffectiveness: [[HEALTH, HEALTH_AGREEMENT.id]],
} as const;

const Q2 = { start: '2025-04-01', end: '2025-06-30' };
const inQ2 = (date: string) => date >= Q2.start && date <= Q2.end;
const sum = (iati: string, window: (d: string) => boolean) =>
  ROAD_MONEY.filter((m) => m.iati === iati && window(m.valueDate)).reduce((s, m) => s + Math.round(Number(m.amount) * 100), 0) / 100;
const kgsRate = (date: string) => KGS_RATES.filter((r) => r.date <= date).at(-1)?.usdPerUnit;
const fixed = (n: number) => n.toFixed(2);
const grouped = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The quarterly report over Kafka, in every form: commands through portfolio-api → event store → relay → Kafka →
 * reporting; the page's figures, the PDF's text and the workbook's numbers equal the test's own sums of what it sent;
 * bad input is problem+json; without Chromium the PDF is a 503 and the other forms are served as usual.
 */
describe('the quarterly report as HTML, CSV, PDF and XLSX, through Kafka', () => {
  let platform: ReportingPlatform;
  let reporting: AppProcess;
  let withoutChromium: AppProcess;
  const send = (path: string, body: unknown) => platform.send(path, body);

  beforeAll(async () => {
    platform = await startReportingPlatform('quarterly', { others: [{ CHROMIUM_PATH: '/nonexistent/chromium' }] });
    reporting = platform.reporting;
    withoutChromium = platform.others[0]!;
  });

  afterAll(() => platform?.stop());

  const get = (app: AppProcess, path: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/api/v1/reports/${path}`, { headers: { ...authorization(), ...headers } });

  it('serves the quarter’s figures, ratios and lists in every form, equal to the test’s own sums', async () => {
    await platform.open({ clusters: ['health'] });
    await send('projects', { id: HEALTH, title: 'Regional health security', cluster: 'health', countries: HEALTH_COUNTRIES });
    for (const m of ROAD_MONEY) await send(`agreements/${AGREEMENT}/${m.route}`, { id: m.id, amount: m.amount, currency: 'USD', valueDate: m.valueDate });
    await send('reference/exchange-rates', { rates: KGS_RATES });
    await send(`projects/${HEALTH}/commitments`, { ...HEALTH_COMMITMENT, currency: 'KGS', financier: 'XM-DAC-46004' });
    await send(`projects/${HEALTH}/disbursements`, { ...HEALTH_FUNDS, currency: 'KGS', financier: 'XM-DAC-46004' });
    await send(`projects/${ROAD}/milestones`, MILESTONE);
    await send(`projects/${HEALTH}/agreements`, {
      id: HEALTH_AGREEMENT.id,
      agreementNumber: 'G1001',
      financier: ADB,
      instrument: 'grant',
      financeType: '110',
      flowType: '10',
      aidType: 'C01',
      amount: '2000000.00',
      currency: 'USD',
      signedDate: HEALTH_AGREEMENT.signedDate,
      source: { citation: 'grant agreement', confidence: 'confirmed' },
    });

    const roadFunds = fixed(sum('1', inQ2));
    const healthFundsUsd = fixed(Number(HEALTH_FUNDS.amount) * Number(kgsRate(HEALTH_FUNDS.date)));
    const page = await waitFor(
      async () => {
        const answer = await get(reporting, 'quarterly.html?quarter=2025-Q2');
        const html = answer.status === 200 ? await answer.text() : '';
        const value = (key: string) => xpath(html, `string(//*[@data-cell='${key}']/@data-value)`);
        return html !== '' &&
          value('transport/disbursed/USD/quarter') === roadFunds &&
          value('health/disbursed/KGS/quarter/usd') === healthFundsUsd &&
          html.includes(`data-row="lists/overdueMilestones/${ROAD}/FS"`) &&
          html.includes(`data-row="lists/awaitingEffectiveness/${HEALTH_AGREEMENT.id}"`)
          ? html
          : undefined;
      },
      { description: 'the quarterly page showing what was sent', timeoutMs: 60_000, intervalMs: 500 },
    );
    const value = (key: string) => xpath(page, `string(//*[@data-cell='${key}']/@data-value)`);
    expect(value('transport/netCommitment/USD/cumulative')).toBe(fixed(sum('11', (d) => d <= Q2.end)));
    expect(value('transport/spent/USD/quarter')).toBe(fixed(sum('3', inQ2)));
    // Disbursement ratio for the quarter: funds in it ÷ (commitment dated before it, the agreement effective before it, less funds before it).
    expect(value('transport/disbursementRatio/USD/quarter')).toBe(
      (sum('1', inQ2) / (sum('11', (d) => d < Q2.start) - sum('1', (d) => d < Q2.start))).toFixed(4),
    );
    // The KGS commitment precedes the first KGS rate: no USD value, and the page says which rate is missing.
    expect(xpath(page, `string(//*[@data-cell='health/netCommitment/KGS/year-to-date/usd']/@data-note)`)).toBe(
      `no KGS rate on or before ${HEALTH_COMMITMENT.date}`,
    );
    expect(xpath(page, "string(//section[@id='missing-rates']//li)")).toBe(`no KGS rate on or before ${HEALTH_COMMITMENT.date}`);

    // The PDF, from the path or by content negotiation: the same totals in its text.
    for (const answer of [
      await get(reporting, 'quarterly.pdf?quarter=2025-Q2'),
      await get(reporting, 'quarterly?quarter=2025-Q2', { accept: 'application/pdf' }),
    ]) {
      expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      const pdf = Buffer.from(await answer.arrayBuffer());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfPages(pdf)).toBeGreaterThan(0);
      const text = pdfText(pdf);
      for (const total of [sum('11', (d) => d <= Q2.end), sum('1', inQ2), Number(healthFundsUsd)]) expect(text).toContain(grouped(total));
    }

    // The workbook: numbers as numbers, read back without the library that wrote it.
    const xlsx = await get(reporting, 'quarterly?quarter=2025-Q2&format=xlsx');
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheets = readXlsx(Buffer.from(await xlsx.arrayBuffer()));
    const money = sheetRecords(sheets.find((s) => s.name === 'Money')!);
    expect(money.find((r) => r.Group === 'transport' && r.Figure === 'disbursed' && r.Currency === 'USD')?.Quarter).toBe(sum('1', inQ2));
    expect(money.find((r) => r.Group === 'health' && r.Figure === 'disbursed' && r.Currency === 'KGS')?.['Quarter USD']).toBe(Number(healthFundsUsd));
    // Each cluster's own rows, then the programme's.
    const overdue = sheetRecords(sheets.find((s) => s.name === 'Overdue milestones')!);
    expect(overdue.map((r) => [r.Group, r.Project])).toEqual([...groupsOf(ROAD, 'cluster').map((g) => [g, ROAD]), ['programme', ROAD]]);

    const csv = await (await get(reporting, 'quarterly?quarter=2025-Q2', { accept: 'text/csv' })).text();
    expect(csv.split('\r\n')).toContain(`2025-Q2,cluster,transport,disbursed,USD,quarter,,${roadFunds},`);
  });

  it.each(['cluster', 'country'] as const)('gives each %s its own lists, holding exactly the rows of its projects, in every form', async (by) => {
    const groups = [...new Set(Object.keys(GROUPS).flatMap((p) => groupsOf(p, by)))];
    const page = await (await get(reporting, `quarterly.html?quarter=2025-Q2&groupBy=${by}`)).text();
    const csv = (await (await get(reporting, `quarterly.csv?quarter=2025-Q2&groupBy=${by}`)).text()).split('\r\n');
    const sheets = readXlsx(Buffer.from(await (await get(reporting, `quarterly.xlsx?quarter=2025-Q2&groupBy=${by}`)).arrayBuffer()));
    const sheetOf = { overdueMilestones: 'Overdue milestones', awaitingEffectiveness: 'Awaiting effectiveness' } as const;
    for (const [list, rows] of Object.entries(LISTED) as [keyof typeof LISTED, (typeof LISTED)[keyof typeof LISTED]][]) {
      const records = sheetRecords(sheets.find((s) => s.name === sheetOf[list])!);
      for (const group of groups) {
        const expected = rows.filter(([project]) => groupsOf(project, by).includes(group)).map(([, id]) => id);
        const table = `//section[@data-group='${group}']//table[@data-table='${list}']`;
        expect(xpath(page, `count(${table}//tr[@data-row])`)).toBe(String(expected.length));
        for (const id of expected) expect(xpath(page, `count(${table}//tr[@data-row='${group}/lists/${list}/${id}'])`)).toBe('1');
        const prefix = `2025-Q2,${by},${group},list:${list},,quarter-end,`;
        expect(csv.filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length).split(',')[0])).toEqual(expected);
        expect(records.filter((r) => r.Group === group).map((r) => r.Project)).toEqual(rows.filter(([p]) => groupsOf(p, by).includes(group)).map(([p]) => p));
      }
      // The programme-wide list keeps every row.
      expect(xpath(page, `count(//table[@data-table='${list}']//tr[@data-row='lists/${list}/${rows[0][1]}'])`)).toBe('1');
      expect(records.filter((r) => r.Group === 'programme')).toHaveLength(rows.length);
    }
  });

  it('answers bad input with problem+json, and a PDF without Chromium with 503 while the page is served', async () => {
    const problem = async (response: Promise<Response>) => {
      const answer = await response;
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await answer.json()) as { type: string; code?: string; errors?: { pointer: string }[] };
      return { status: answer.status, type: body.type, code: body.code, pointers: (body.errors ?? []).map((e) => e.pointer).sort() };
    };
    expect(await problem(get(reporting, 'quarterly.pdf?quarter=2025-Q9'))).toMatchObject({ status: 400, pointers: ['/quarter'] });
    expect(await problem(get(reporting, 'quarterly?quarter=2025-Q2&format=docx&groupBy=region'))).toMatchObject({
      status: 400,
      pointers: ['/format', '/groupBy'],
    });
    expect(await problem(get(reporting, `quarterly.xlsx?quarter=${new Date().getUTCFullYear() + 1}-Q1`))).toMatchObject({
      status: 422,
      code: 'QUARTER_NOT_STARTED',
    });
    expect(await problem(get(reporting, 'quarterly?quarter=2025-Q2', { accept: 'image/png' }))).toMatchObject({ status: 406 });
    expect(await problem(get(withoutChromium, 'quarterly.pdf?quarter=2025-Q2'))).toMatchObject({
      status: 503,
      type: 'urn:problem:ecab:pdf-renderer-unavailable',
    });
    expect((await get(withoutChromium, 'quarterly.html?quarter=2025-Q2')).status).toBe(200);
    expect((await fetch(`${reporting.url}/api/v1/reports/quarterly.pdf?quarter=2025-Q2`)).status).toBe(401);
  });
});
