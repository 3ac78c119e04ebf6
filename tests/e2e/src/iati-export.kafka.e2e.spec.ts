import { createHash } from 'node:crypto';
import { repoRoot, validateAgainstSchema, waitFor, xpath } from '@ecab/testing';
import { join } from 'node:path';
import { authorization } from './platform-process.js';
import { confirmed, ROAD as PROJECT, ROAD_AGREEMENT as AGREEMENT, startReportingPlatform, type ReportingPlatform } from './reporting-platform.js';

const XSD = (name: string) => join(repoRoot, 'apps', 'reporting', 'iati', `iati-${name}-schema.xsd`);
const REF = 'XI-IATI-ECABTEST';
const illustrative = (citation: string) => ({ citation, confidence: 'illustrative' });

/** The money the test sends, and what IATI must show for each: its type, signed value and date. */
const MONEY = [
  { route: 'commitments', id: 'C1', amount: '1500000.00', valueDate: '2025-03-20', iati: '11' },
  { route: 'funds-received', id: 'R1', amount: '450000.00', valueDate: '2025-05-20', iati: '1' },
  { route: 'disbursements', id: 'D1', amount: '120000.00', valueDate: '2025-06-01', iati: '3', receiver: { name: 'Road Consultants LLP' } },
  { route: 'expenditures', id: 'E1', amount: '35000.50', valueDate: '2025-06-15', iati: '4' },
  { route: 'expenditures', id: 'E2', amount: '9000.00', valueDate: '2025-06-20', iati: '4', source: illustrative('estimate') },
] as const;
const REVERSAL = { of: 'D1', reasonCode: 'DATA_ENTRY_ERROR', effectiveDate: '2025-07-01' };
/** A budget and a document link, as sent; the file must show them as they are. */
const BUDGET = {
  id: 'B-2026',
  budgetType: '1',
  budgetStatus: '2',
  period: { start: '2026-01-01', end: '2026-12-31' },
  amount: '750000.00',
  currency: 'USD',
  valueDate: '2025-12-01',
};
const DOCUMENT = {
  id: 'ADB-PAGE',
  url: 'https://www.adb.org/projects/54439-001/main',
  format: 'text/html',
  title: { en: 'ADB project page 54439-001', ru: 'Страница проекта АБР' },
  category: 'A12',
  language: 'en',
  documentDate: '2024-06-24',
};

/**
 * Commands through portfolio-api → event store → relay → Kafka → reporting's consumer → activities.xml:
 * the file validates against the IATI 2.03 schema (xmllint) and holds exactly what the test sent.
 */
describe('the IATI export and the quarterly report follow the commands sent to portfolio-api, through Kafka', () => {
  let platform: ReportingPlatform;
  let reporting: ReportingPlatform['reporting'];
  const send = (path: string, body: unknown) => platform.send(path, body);
  const put = (path: string, body: unknown) => platform.put(path, body);

  beforeAll(async () => {
    platform = await startReportingPlatform('iati', { reporting: { IATI_REPORTING_ORG_REF: REF } });
    reporting = platform.reporting;
  });

  afterAll(() => platform?.stop());

  const get = (path: string, headers = authorization()) => fetch(`${reporting.url}/api/v1/iati/${path}`, { headers });

  it('exports a project registered, financed, measured and published through the API', async () => {
    // The opening (programme, ADB, the road project in KZ and KG, its agreement, effective), then what IATI adds.
    await platform.open({ agreement: { providerActivityId: 'XM-DAC-46004-54439-001' } });
    await put(`projects/${PROJECT}/titles`, { titles: { en: 'Almaty–Issyk-Kul road: feasibility study', ru: 'Дорога Алматы – Иссык-Куль: ТЭО' } });
    await put(`projects/${PROJECT}/sectors`, {
      sectors: [
        { vocabulary: '1', code: '21020', percentage: 75.5 },
        { vocabulary: '1', code: '33120', percentage: 24.5 },
      ],
    });
    await send(`projects/${PROJECT}/participants`, {
      organisation: { name: 'Ministry of Transport of the Republic of Kazakhstan' },
      role: '2',
      organisationType: '10',
    });
    await send(`projects/${PROJECT}/approval`, { approvalDate: '2024-12-05' });
    await send(`projects/${PROJECT}/dates`, { dateType: '2', date: '2025-03-01', source: confirmed('grant effectiveness notice') });
    await send(`projects/${PROJECT}/status`, { status: '2', effectiveDate: '2025-03-01' });
    for (const m of MONEY) {
      await send(`agreements/${AGREEMENT}/${m.route}`, {
        id: m.id,
        amount: m.amount,
        currency: 'USD',
        valueDate: m.valueDate,
        ...('receiver' in m ? { receiver: m.receiver } : {}),
        ...('source' in m ? { source: m.source } : {}),
      });
    }
    await send(`agreements/${AGREEMENT}/transactions/${REVERSAL.of}/reversal`, {
      reasonCode: REVERSAL.reasonCode,
      source: confirmed('reconciliation'),
      effectiveDate: REVERSAL.effectiveDate,
    });
    await send(`projects/${PROJECT}/results`, { id: 'KEY', resultType: '2', title: 'Feasibility study approved' });
    await send(`projects/${PROJECT}/results/KEY/indicators`, {
      id: 'KEY-1',
      title: 'Feasibility studies approved',
      measure: '1',
      ascending: true,
      unit: 'studies',
    });
    await put(`projects/${PROJECT}/indicators/KEY-1/baseline`, { year: 2024, value: '0', source: confirmed('inception report') });
    await send(`projects/${PROJECT}/indicators/KEY-1/targets`, { period: { start: '2026-01-01', end: '2026-12-31' }, value: '1' });
    await send(`projects/${PROJECT}/indicators/KEY-1/targets`, { period: { start: '2025-01-01', end: '2025-12-31' }, value: '0' });
    await send(`projects/${PROJECT}/indicators/KEY-1/actuals`, {
      period: { start: '2025-01-01', end: '2025-12-31' },
      value: '0',
      source: confirmed('progress report'),
    });
    await send(`projects/${PROJECT}/indicators/KEY-1/actuals/verification`, { period: { start: '2025-01-01', end: '2025-12-31' } });
    await send(`projects/${PROJECT}/budgets`, { ...BUDGET, source: confirmed('work plan 2026') });
    await send(`projects/${PROJECT}/document-links`, DOCUMENT);
    await put(`projects/${PROJECT}/iati-identifier`, { reportingOrgRef: REF, localId: PROJECT });
    await send(`projects/${PROJECT}/publication`, {});

    // What the file must hold, computed from the commands above: every transaction but the illustrative one, plus the reversal.
    const sent = MONEY.filter((m) => !('source' in m)).map((m) => ({ ref: `${AGREEMENT}:${m.id}`, type: m.iati, value: m.amount, date: m.valueDate }));
    const reversed = MONEY.find((m) => m.id === REVERSAL.of) as (typeof MONEY)[number];
    const expected = [
      ...sent,
      { ref: `${AGREEMENT}:${REVERSAL.of}-reversal`, type: reversed.iati, value: `-${reversed.amount}`, date: REVERSAL.effectiveDate },
    ];

    const activity = `//iati-activity[iati-identifier='${REF}-${PROJECT}']`;
    const xml = await waitFor(
      async () => {
        const response = await get('activities.xml');
        const body = await response.text();
        return response.status === 200 && xpath(body, `count(${activity}/transaction)`) === String(expected.length) ? body : undefined;
      },
      { description: `${PROJECT} with its ${expected.length} transactions in activities.xml`, timeoutMs: 60_000, intervalMs: 250 },
    );

    expect(validateAgainstSchema(xml, XSD('activities'))).toEqual({ valid: true, output: 'document.xml validates' });
    const at = (path: string) => xpath(xml, `string(${activity}/${path})`);
    const transactions = expected.map(({ ref }) => ({
      ref,
      type: at(`transaction[@ref='${ref}']/transaction-type/@code`),
      value: at(`transaction[@ref='${ref}']/value`),
      date: at(`transaction[@ref='${ref}']/transaction-date/@iso-date`),
    }));
    expect(transactions).toEqual(expected);
    expect(at(`transaction[@ref='${AGREEMENT}:C1']/provider-org/@provider-activity-id`)).toBe('XM-DAC-46004-54439-001');
    expect(at(`transaction[@ref='${AGREEMENT}:D1']/receiver-org/narrative`)).toBe('Road Consultants LLP');
    expect(at("title/narrative[@xml:lang='ru']")).toBe('Дорога Алматы – Иссык-Куль: ТЭО');
    expect([at('@hierarchy'), at('activity-status/@code'), at("activity-date[@type='2']/@iso-date")]).toEqual(['2', '2', '2025-03-01']);
    expect([at("recipient-country[@code='KZ']/@percentage"), at("recipient-country[@code='KG']/@percentage")]).toEqual(['59.4', '40.6']);
    expect([at("sector[@code='21020']/@percentage"), at("sector[@code='33120']/@percentage"), at("sector[@vocabulary='99']/@code")]).toEqual([
      '75.5',
      '24.5',
      'transport',
    ]);
    expect([at("participating-org[@role='1']/@ref"), at("participating-org[@role='2']/narrative")]).toEqual([
      'XM-DAC-46004',
      'Ministry of Transport of the Republic of Kazakhstan',
    ]);
    const indicator = "result[@type='2']/indicator[@measure='1']";
    expect([at(`${indicator}/baseline/@year`), at(`${indicator}/baseline/@value`)]).toEqual(['2024', '0']);
    expect(at(`${indicator}/period[period-start/@iso-date='2026-01-01']/target/@value`)).toBe('1');
    expect(at(`${indicator}/period[period-start/@iso-date='2025-01-01']/actual/@value`)).toBe('0');
    expect(xpath(xml, `count(${activity}/budget)`)).toBe('1');
    expect([
      at('budget/@type'),
      at('budget/@status'),
      at('budget/period-start/@iso-date'),
      at('budget/period-end/@iso-date'),
      at('budget/value'),
      at('budget/value/@currency'),
      at('budget/value/@value-date'),
    ]).toEqual([BUDGET.budgetType, BUDGET.budgetStatus, BUDGET.period.start, BUDGET.period.end, BUDGET.amount, BUDGET.currency, BUDGET.valueDate]);
    expect(xpath(xml, `count(${activity}/document-link)`)).toBe('1');
    expect([
      at('document-link/@url'),
      at('document-link/@format'),
      at('document-link/title/narrative[not(@xml:lang)]'),
      at("document-link/title/narrative[@xml:lang='ru']"),
      at('document-link/category/@code'),
      at('document-link/language/@code'),
      at('document-link/document-date/@iso-date'),
    ]).toEqual([DOCUMENT.url, DOCUMENT.format, DOCUMENT.title.en, DOCUMENT.title.ru, DOCUMENT.category, DOCUMENT.language, DOCUMENT.documentDate]);
    expect(at("related-activity[@type='1']/@ref")).toBe(`${REF}-ECAB`);
    expect(xpath(xml, `string(//iati-activity[iati-identifier='${REF}-ECAB']/related-activity[@type='2']/@ref)`)).toBe(`${REF}-${PROJECT}`);

    // The illustrative expenditure only on request, marked.
    const withIllustrative = await (await get('activities.xml?include=illustrative')).text();
    expect(validateAgainstSchema(withIllustrative, XSD('activities')).valid).toBe(true);
    expect(xpath(withIllustrative, `string(${activity}/transaction[@ref='${AGREEMENT}:E2']/value)`)).toBe('9000.00');
    expect(xpath(withIllustrative, `string(${activity}/transaction[@ref='${AGREEMENT}:E2']/@*[local-name()='confidence'])`)).toBe('illustrative');

    // The quarterly report reads the same events: its figures equal the test's own sums of what it sent.
    const quarterSum = (iati: readonly string[]) =>
      (
        MONEY.filter((m) => iati.includes(m.iati) && m.valueDate >= '2025-04-01' && m.valueDate <= '2025-06-30').reduce(
          (total, m) => total + Math.round(Number(m.amount) * 100),
          0,
        ) / 100
      ).toFixed(2);
    const report = await fetch(`${reporting.url}/api/v1/reports/quarterly.html?quarter=2025-Q2&groupBy=cluster`, { headers: authorization() });
    expect([report.status, report.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const html = await report.text();
    // The page is self-contained: its policy lets its own inline style block apply (by hash; and the older code
    // version's, for the filings made with it) and nothing else.
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1];
    expect(style).toBeDefined();
    const styleHash = createHash('sha256').update(style!).digest('base64');
    expect(report.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src ('sha256-[A-Za-z0-9+/=]+' ?)+; frame-ancestors 'none'; base-uri 'none'; form-action 'none'$/,
    );
    expect(report.headers.get('content-security-policy')).toContain(`'sha256-${styleHash}'`);
    expect([report.headers.get('x-content-type-options'), report.headers.get('x-powered-by')]).toEqual(['nosniff', null]);
    const cell = (figure: string) => xpath(html, `string(//*[@data-cell='transport/${figure}/USD/quarter']/@data-value)`);
    expect([cell('disbursed'), cell('spent')]).toEqual([quarterSum(['1']), quarterSum(['3', '4'])]);

    const organisation = await get('organisation.xml');
    expect(organisation.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const organisationXml = await organisation.text();
    expect(validateAgainstSchema(organisationXml, XSD('organisations'))).toEqual({ valid: true, output: 'document.xml validates' });
    expect(xpath(organisationXml, 'string(//organisation-identifier)')).toBe(REF);
  });

  it('answers bad parameters with a problem+json naming each, and no token with 401', async () => {
    const response = await get('activities.xml?include=everything&format=json');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { errors: { pointer: string }[] };
    expect(problem.errors.map((e) => e.pointer).sort()).toEqual(['/format', '/include']);
    expect((await get('activities.xml', {})).status).toBe(401);

    const report = async (query: string) => {
      const response = await fetch(`${reporting.url}/api/v1/reports/quarterly.html?${query}`, { headers: authorization() });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      return { status: response.status, body: (await response.json()) as { code?: string; errors?: { pointer: string }[] } };
    };
    const malformed = await report('quarter=2025-Q5&groupBy=region');
    expect([malformed.status, malformed.body.errors?.map((e) => e.pointer).sort()]).toEqual([400, ['/groupBy', '/quarter']]);
    const future = await report(`quarter=${new Date().getUTCFullYear() + 1}-Q1`);
    expect([future.status, future.body.code]).toEqual([422, 'QUARTER_NOT_STARTED']);
  });
});
