import { createHash } from 'node:crypto';
import { pdfText, readXlsx, sheetRecords, waitFor, xpath } from '@ecab/testing';
import pg from 'pg';
import { callerTokens } from './callers.js';
import { authorization, postJson } from './platform-process.js';
import { confirmed, ROAD as PROJECT, ROAD_AGREEMENT as AGREEMENT, startReportingPlatform, type ReportingPlatform } from './reporting-platform.js';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

type Money = { route: string; id: string; amount: string; valueDate: string; type: string; iati: string };
const money =
  (route: string, type: string, iati: string) =>
  (id: string, amount: string, valueDate: string): Money => ({ route, id, amount, valueDate, type, iati });
const commitment = money('commitments', 'AgreementCommitmentRecorded', '11');
const funds = money('funds-received', 'FundsReceived', '1');
const disbursement = money('disbursements', 'AgreementDisbursementRecorded', '3');
const expenditure = money('expenditures', 'ExpenditureRecorded', '4');

/** Before the first filing. */
const FIRST: Money[] = [
  commitment('C1', '1500000.00', '2025-03-20'),
  funds('R1', '450000.00', '2025-05-20'),
  disbursement('D1', '120000.00', '2025-06-01'),
  expenditure('E1', '35000.50', '2025-06-15'),
];
/** Recorded after it, dated in 2025-Q2: late-reported. */
const LATE: Money[] = [funds('R2', '200000.00', '2025-06-10'), expenditure('E3', '1000.00', '2025-04-05')];
/** D1 reversed with effect inside the quarter: a correction. */
const REVERSAL = { of: 'D1', reasonCode: 'DATA_ENTRY_ERROR', effectiveDate: '2025-06-28' };
/** Recorded after it, dated in 2025-Q3: no figure of 2025-Q2 moves. */
const OTHER_QUARTER: Money[] = [funds('R3', '75000.00', '2025-08-01'), expenditure('E4', '500.00', '2025-07-15')];

const Q2 = (date: string) => date >= '2025-04-01' && date <= '2025-06-30';
const YTD = (date: string) => date >= '2025-01-01' && date <= '2025-06-30';
/** The test's own sum of what it sent (cents), a reversed movement counted out from the reversal's date. */
function total(sent: Money[], iati: string[], window: (date: string) => boolean, reversed: Money | undefined = undefined): string {
  let cents = sent.filter((m) => iati.includes(m.iati) && window(m.valueDate)).reduce((sum, m) => sum + Math.round(Number(m.amount) * 100), 0);
  if (reversed && iati.includes(reversed.iati) && window(REVERSAL.effectiveDate)) cents -= Math.round(Number(reversed.amount) * 100);
  return (cents / 100).toFixed(2);
}

/**
 * Commands through portfolio-api → event store → relay → Kafka → reporting → filed reports: a filing reads
 * the same bytes after more events arrive, a second filing of the quarter differs, and their diff names
 * exactly the late-reported and corrected events (their ids read from the event store).
 */
describe('filed reports are pinned to the events they were made from, through Kafka', () => {
  let platform: ReportingPlatform;
  const send = (path: string, body: unknown) => platform.send(path, body);

  beforeAll(async () => {
    platform = await startReportingPlatform('filed');
  });

  afterAll(() => platform?.stop());

  const sendMoney = (m: Money) => send(`agreements/${AGREEMENT}/${m.route}`, { id: m.id, amount: m.amount, currency: 'USD', valueDate: m.valueDate });
  const get = (path: string, headers: Record<string, string> = authorization()) => fetch(`${platform.reporting.url}/api/v1/reports${path}`, { headers });
  const file = (body: unknown, headers: Record<string, string> = {}) => postJson(`${platform.reporting.url}/api/v1/reports`, body, headers);
  /** The live quarterly CSV's value of one transport USD figure (undefined until reporting has the row). */
  async function liveFigure(quarter: string, measure: string, period: string): Promise<string | undefined> {
    const response = await get(`/quarterly.csv?quarter=${quarter}&groupBy=cluster`);
    if (response.status !== 200) return undefined;
    return csvRows(await response.text()).find((r) => r.group === 'transport' && r.measure === measure && r.currency === 'USD' && r.period === period)?.value;
  }
  async function untilLive(quarter: string, expected: Record<string, string>): Promise<void> {
    await waitFor(
      async () => {
        for (const [measure, value] of Object.entries(expected)) if ((await liveFigure(quarter, measure, 'quarter')) !== value) return undefined;
        return true;
      },
      { description: `${quarter} showing ${JSON.stringify(expected)}`, timeoutMs: 60_000, intervalMs: 250 },
    );
  }
  /** Event ids by "<type>:<transactionId>", from the event store itself. */
  async function storedEventIds(): Promise<Map<string, string>> {
    const client = new pg.Client({ connectionString: platform.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ event_id: string; type: string; transaction: string }>(
        "select event_id, type, data->>'transactionId' as transaction from events where stream_id = $1",
        [`agreement-${AGREEMENT}`],
      );
      return new Map(rows.map((r) => [`${r.type}:${r.transaction}`, r.event_id]));
    } finally {
      await client.end();
    }
  }

  it('regenerates a filing byte for byte after late events, files the quarter again, and explains the difference', async () => {
    await platform.open();
    for (const m of FIRST) await sendMoney(m);
    await untilLive('2025-Q2', { disbursed: total(FIRST, ['1'], Q2), spent: total(FIRST, ['3', '4'], Q2) });

    // The first filing, as HTML: its figures are the test's sums of what was sent so far.
    const first = await file({ kind: 'quarterly', period: '2025-Q2' });
    expect([first.status, first.headers.get('location')]).toEqual([201, `/api/v1/reports/${first.body.id}`]);
    expect(first.body).toMatchObject({
      kind: 'quarterly',
      period: '2025-Q2',
      groupBy: 'cluster',
      format: 'html',
      codeVersion: 'quarterly/3',
      filedBy: 'test-admin',
      exchangeRatePosition: null,
    });
    const firstPage = await get(`/${first.body.id}`);
    const firstHtml = await firstPage.text();
    expect([firstPage.status, firstPage.headers.get('content-type'), firstPage.headers.get('ecab-report-sha256')]).toEqual([
      200,
      'text/html; charset=utf-8',
      first.body.sha256,
    ]);
    expect(sha256(firstHtml)).toBe(first.body.sha256);
    expect(firstPage.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    // Each figure's exact value (the page shows it grouped by thousands).
    const cell = (html: string, key: string) => xpath(html, `string(//*[@data-cell='${key}']/@data-value)`);
    expect(cell(firstHtml, 'transport/spent/USD/quarter')).toBe(total(FIRST, ['3', '4'], Q2));
    expect(cell(firstHtml, 'transport/netCommitment/USD/year-to-date')).toBe(total(FIRST, ['11'], YTD));

    // Late-reported money, a correction and another quarter's money arrive after it.
    for (const m of LATE) await sendMoney(m);
    await send(`agreements/${AGREEMENT}/transactions/${REVERSAL.of}/reversal`, {
      reasonCode: REVERSAL.reasonCode,
      source: confirmed('reconciliation'),
      effectiveDate: REVERSAL.effectiveDate,
    });
    for (const m of OTHER_QUARTER) await sendMoney(m);
    const reversed = FIRST.find((m) => m.id === REVERSAL.of);
    const sent = [...FIRST, ...LATE, ...OTHER_QUARTER];
    await untilLive('2025-Q3', {
      disbursed: total(sent, ['1'], (d) => d >= '2025-07-01' && d <= '2025-09-30'),
      spent: total(sent, ['3', '4'], (d) => d >= '2025-07-01' && d <= '2025-09-30'),
    });
    await untilLive('2025-Q2', { disbursed: total(sent, ['1'], Q2), spent: total(sent, ['3', '4'], Q2, reversed) });

    // The first filing reads exactly as it was filed.
    const again = await get(`/${first.body.id}`);
    expect([again.status, again.headers.get('ecab-report-sha256')]).toEqual([200, first.body.sha256]);
    expect(await again.text()).toBe(firstHtml);

    // The first filing as PDF, workbook and CSV: renderings of its pinned content, so the filed figures and not today's.
    const filed = { disbursed: total(FIRST, ['1'], Q2), spent: total(FIRST, ['3', '4'], Q2) };
    const today = { disbursed: total(sent, ['1'], Q2), spent: total(sent, ['3', '4'], Q2, reversed) };
    expect(filed).not.toEqual(today);
    const as = async (accept: string) => {
      const answer = await get(`/${first.body.id}`, { ...authorization(), accept });
      expect([answer.status, answer.headers.get('ecab-report-sha256'), answer.headers.get('ecab-report-format')]).toEqual([200, first.body.sha256, 'html']);
      return answer;
    };
    const pdf = await as('application/pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pdfWords = pdfText(Buffer.from(await pdf.arrayBuffer()));
    for (const figure of Object.values(filed)) expect(pdfWords).toContain(thousands(figure));
    for (const figure of Object.values(today)) expect(pdfWords).not.toContain(thousands(figure));
    const xlsx = await as('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const money = sheetRecords(readXlsx(Buffer.from(await xlsx.arrayBuffer())).find((sheet) => sheet.name === 'Money')!);
    const quarterOf = (figure: string) => money.find((r) => r.Group === 'transport' && r.Figure === figure && r.Currency === 'USD')?.Quarter;
    expect([quarterOf('disbursed'), quarterOf('spent')]).toEqual([Number(filed.disbursed), Number(filed.spent)]);
    const filedCsv = csvRows(await (await as('text/csv')).text());
    const transport = (measure: string) =>
      filedCsv.find((r) => r.group === 'transport' && r.measure === measure && r.currency === 'USD' && r.period === 'quarter');
    expect([transport('disbursed')?.value, transport('spent')?.value]).toEqual([filed.disbursed, filed.spent]);
    expect(transport('disbursed')?.lineage).toBe(`/api/v1/reports/${first.body.id}/lineage?cell=${encodeURIComponent('transport/disbursed/USD/quarter')}`);
    const refused = await get(`/${first.body.id}`, { ...authorization(), accept: 'image/png' });
    expect([refused.status, refused.headers.get('content-type')]).toEqual([406, expect.stringMatching(/^application\/problem\+json/)]);

    // Filed again, the quarter has the late and corrected events.
    const second = await file({ kind: 'quarterly', period: '2025-Q2' });
    expect(second.status).toBe(201);
    expect(second.body.sha256).not.toBe(first.body.sha256);
    expect(BigInt(second.body.position as string)).toBeGreaterThan(BigInt(first.body.position as string));
    const secondHtml = await (await get(`/${second.body.id}`)).text();
    expect(cell(secondHtml, 'transport/disbursed/USD/quarter')).toBe(total(sent, ['1'], Q2));
    expect(cell(secondHtml, 'transport/spent/USD/quarter')).toBe(total(sent, ['3', '4'], Q2, reversed));

    const ids = await storedEventIds();
    const idOf = (m: Money) => ids.get(`${m.type}:${m.id}`);
    const reversal = ids.get(`TransactionReversed:${REVERSAL.of}`);
    const diffAnswer = await get(`/${second.body.id}/diff?against=${first.body.id}`);
    expect(diffAnswer.status).toBe(200);
    const diff = (await diffAnswer.json()) as {
      earlier: { id: string };
      later: { id: string };
      events: { eventId: string; restatement: string; projectId: string; figures: { cell: string; before: string; after: string }[] }[];
    };
    expect([diff.earlier.id, diff.later.id]).toEqual([first.body.id, second.body.id]);
    expect(diff.events.map((e) => [e.eventId, e.restatement]).sort()).toEqual(
      [...LATE.map((m) => [idOf(m), 'late-reported']), [reversal, 'correction']].sort(),
    );
    const listed = diff.events.map((e) => e.eventId);
    for (const m of OTHER_QUARTER) expect(listed).not.toContain(idOf(m));
    expect(diff.events.every((e) => e.projectId === PROJECT)).toBe(true);
    expect(diff.events.find((e) => e.eventId === reversal)?.figures).toContainEqual({
      cell: 'transport/spent/USD/quarter',
      before: total(FIRST, ['3', '4'], Q2),
      after: total(sent, ['3', '4'], Q2, reversed),
    });

    // Each figure of the filed page links to the events behind it.
    const spentQuarter = 'transport/spent/USD/quarter';
    const href = xpath(secondHtml, `string(//*[@data-cell='${spentQuarter}']/a/@href)`);
    const lineage = await fetch(new URL(href, `${platform.reporting.url}/api/v1/reports/${second.body.id}`), { headers: authorization() });
    expect(lineage.status).toBe(200);
    const behind = (await lineage.json()) as { value: string; events: { eventId: string }[] };
    expect(behind.value).toBe(total(sent, ['3', '4'], Q2, reversed));
    expect(behind.events.map((e) => e.eventId).sort()).toEqual(
      [...sent.filter((m) => ['3', '4'].includes(m.iati) && Q2(m.valueDate)).map(idOf), reversal].sort(),
    );

    // The same quarter as CSV, filed and live: totals equal the test's sums.
    const csvFiling = await file({ kind: 'quarterly', period: '2025-Q2', format: 'csv' });
    const csvAnswer = await get(`/${csvFiling.body.id}`);
    const csv = await csvAnswer.text();
    expect([csvAnswer.status, csvAnswer.headers.get('content-type'), sha256(csv)]).toEqual([200, 'text/csv; charset=utf-8', csvFiling.body.sha256]);
    const value = (rows: Record<string, string>[], measure: string, period: string) =>
      rows.find((r) => r.group === 'transport' && r.measure === measure && r.currency === 'USD' && r.period === period)?.value;
    for (const rows of [csvRows(csv), csvRows(await (await get('/quarterly.csv?quarter=2025-Q2')).text())]) {
      expect(value(rows, 'disbursed', 'quarter')).toBe(total(sent, ['1'], Q2));
      expect(value(rows, 'spent', 'quarter')).toBe(total(sent, ['3', '4'], Q2, reversed));
      expect(value(rows, 'netCommitment', 'year-to-date')).toBe(total(sent, ['11'], YTD));
    }
  });

  it('answers bad input with problem+json naming each problem, and files nothing', async () => {
    const filings = async () => ((await (await get('')).json()) as { reports: unknown[] }).reports.length;
    const q1 = await file({ kind: 'quarterly', period: '2025-Q1' });
    expect(q1.status).toBe(201);
    const [anyFiling] = ((await (await get('?period=2025-Q2')).json()) as { reports: { id: string }[] }).reports;
    const before = await filings();
    const problem = async (response: Response | Promise<Response>) => {
      const answer = await response;
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await answer.json()) as { code?: string; errors?: { pointer: string; detail: string }[] };
      return { status: answer.status, pointers: (body.errors ?? []).map((e) => e.pointer).sort(), code: body.code, errors: body.errors ?? [] };
    };
    const post = (body: unknown, headers: Record<string, string> = authorization()) =>
      fetch(`${platform.reporting.url}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    expect(await problem(post({ kind: 'annual', period: '2025-Q5', groupBy: 'region', format: 'pdf', extra: 1 }))).toMatchObject({
      status: 400,
      pointers: ['/extra', '/format', '/groupBy', '/kind', '/period'],
    });
    const future = await problem(post({ kind: 'quarterly', period: `${new Date().getUTCFullYear() + 1}-Q1` }));
    expect([future.status, future.pointers, future.errors[0]?.detail]).toEqual([400, ['/period'], expect.stringMatching(/has not started/)]);
    expect(await problem(post({}))).toMatchObject({ status: 400, pointers: ['/kind', '/period'] });

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await problem(get(`/${unknown}`))).toMatchObject({ status: 404, pointers: ['/id'] });
    expect(await problem(get('/not-a-report'))).toMatchObject({ status: 400, pointers: ['/id'] });
    expect(await problem(get(`/${anyFiling?.id}/diff`))).toMatchObject({ status: 400, pointers: ['/against'] });
    expect(await problem(get(`/${unknown}/diff?against=${anyFiling?.id}`))).toMatchObject({ status: 404, pointers: ['/id'] });
    expect(await problem(get(`/${anyFiling?.id}/diff?against=${q1.body.id}`))).toMatchObject({
      status: 422,
      code: 'REPORTS_NOT_COMPARABLE',
      pointers: ['/against'],
    });
    expect(await problem(get(`/${anyFiling?.id}/lineage?cell=nowhere/projects`))).toMatchObject({ status: 404, pointers: ['/cell'] });
    expect(await problem(get('/quarterly.csv?quarter=2025-Q9&groupBy=region'))).toMatchObject({ status: 400, pointers: ['/groupBy', '/quarter'] });

    // Reading takes any role; filing, an admin or a program manager of every cluster.
    const tokens = await callerTokens(platform.api.url);
    const as = (caller: string) => ({ authorization: `Bearer ${tokens.get(caller as 'viewer')}` });
    expect((await get(`/${anyFiling?.id}`, as('viewer'))).status).toBe(200);
    expect((await problem(post({ kind: 'quarterly', period: '2025-Q2' }, as('viewer')))).status).toBe(403);
    expect((await problem(post({ kind: 'quarterly', period: '2025-Q2' }, as('pm-transport')))).status).toBe(403);
    expect((await problem(post({ kind: 'quarterly', period: '2025-Q2' }, {}))).status).toBe(401);
    expect(await filings()).toBe(before);
    expect((await post({ kind: 'quarterly', period: '2025-Q2', groupBy: 'country' }, as('pm-all'))).status).toBe(201);
  });
});

/** 1234567.5 → "1,234,567.50", as the page shows amounts. */
function thousands(amount: string): string {
  return Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** RFC 4180 rows, read by the test itself: no value it sent holds a comma or a quote, so a split is enough. */
function csvRows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv
    .replace(/\r\n$/, '')
    .split('\r\n')
    .map((line) => line.split(','));
  return lines.map((line) => Object.fromEntries((header ?? []).map((column, i) => [column, line[i] ?? ''])));
}
