import { createHash } from 'node:crypto';
import type { ProblemError } from '@ecab/platform';
import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { DataSource } from 'typeorm';
import { CreateReportingEvents1767300000000 } from '../events/reporting-events.migration.js';
import { ReportingEvents } from '../events/reporting-events.js';
import { AddReportingEventReceipts1767500000000 } from '../events/reporting-receipts.migration.js';
import { coded } from '../test-support/event-log.js';
import { portfolio } from '../test-support/quarterly-portfolio.js';
import { FiledReportStore } from './filed-report-store.js';
import { CreateFiledReports1767500000001 } from './filed-reports.migration.js';
import { FiledReports, sha256Hex } from './filed-reports.js';
import { reportCode } from './report-kinds.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const Q2 = { kind: 'quarterly', period: '2025-Q2', groupBy: 'cluster', format: 'html' } as const;

/** The problem a promise is refused with. */
async function problemOf(promise: Promise<unknown>): Promise<ProblemError['problem']> {
  try {
    await promise;
  } catch (error) {
    return (error as ProblemError).problem;
  }
  throw new Error('expected a problem');
}

describe('filed reports, regenerated from their pinned events', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let events: ReportingEvents;
  let reports: FiledReports;
  const errors: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('reporting_filed');
    dataSource = new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [CreateReportingEvents1767300000000, AddReportingEventReceipts1767500000000, CreateFiledReports1767500000001],
      migrationsTableName: 'reporting_migrations',
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    events = new ReportingEvents(dataSource);
    reports = new FiledReports(events, new FiledReportStore(dataSource), { error: (_details, message) => errors.push(message) });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('answers a filing with the same bytes however many events arrive after it, and a new filing with the new ones', async () => {
    const log = portfolio();
    const first = log.events.length;
    log.agreement('ROAD', 'ROAD-F1', 'FundsReceived', {
      transactionId: 'LATE',
      transactionType: coded('1', 'TransactionType'),
      amount: '30000.00',
      currency: 'USD',
      valueDate: '2025-06-10',
      effectiveDate: '2025-06-10',
    });
    // The fixture's events but the one before last arrive, then the filing, then the rest: one of a lower position than the pin.
    await events.store(log.events.slice(0, first - 2));
    await events.store(log.events.slice(first - 1, first));
    const filed = await reports.file(Q2, 'pm');
    const regenerated = await reports.regenerate(filed);
    const { body } = regenerated;
    expect(sha256(body)).toBe(filed.sha256);
    // The other forms render the same pinned figures: the HTML filing's CSV names the filing's lineage addresses.
    expect(await reports.rendering(regenerated, 'html')).toBe(body);
    const csv = (await reports.rendering(regenerated, 'csv')) as string;
    expect(csv.split('\r\n')[1]).toMatch(new RegExp(`,/api/v1/reports/${filed.id}/lineage\\?cell=[^,]+$`));
    expect(((await reports.rendering(regenerated, 'xlsx')) as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(filed.pin.position).toBe(String(first));

    await events.store(log.events);
    const again = await reports.regenerate(await reports.record(filed.id));
    expect(again.body).toBe(body);

    const refiled = await reports.file(Q2, 'pm');
    expect(refiled.sha256).not.toBe(filed.sha256);
    const diff = await reports.diff(refiled.id, filed.id);
    expect([diff.earlier.id, diff.later.id, diff.eventsBetween]).toEqual([filed.id, refiled.id, 2]);
    // The rating of ROAD for 2025-Q2 (position first − 1, arrived late) and the late money, both moving figures of the quarter.
    expect(diff.events.map((e) => [e.eventId, e.type, e.restatement])).toEqual([
      [log.events[first - 2]!.eventId, 'PerformanceRated', 'late-reported'],
      [log.events[first]!.eventId, 'FundsReceived', 'late-reported'],
    ]);
  });

  it('answers 500 report-not-reproducible, and logs it, when the events or the code changed under a filing', async () => {
    const filed = await reports.file({ ...Q2, format: 'csv' }, 'pm');
    await dataSource.query('update reporting_events set data = jsonb_set(data, $1, $2) where data->>$3 = $4', ['{amount}', '"1.00"', 'transactionId', 'LATE']);
    const problem = await problemOf(reports.regenerate(await reports.record(filed.id)));
    expect(problem).toMatchObject({ status: 500, type: 'urn:problem:ecab:report-not-reproducible', filedSha256: filed.sha256 });
    expect(errors).toEqual(['a filed report regenerated to different bytes']);
  });

  it.each([
    ['quarterly/1', '11111111-1111-4111-8111-111111111111', 'quarter,group_by,group,measure,currency,period,value,lineage'],
    ['quarterly/2', '22222222-2222-4222-8222-222222222222', 'quarter,group_by,group,measure,currency,period,value,note,lineage'],
  ])('regenerates a filing of the earlier code version %s with that version, byte for byte, after the current one changed', async (version, id, header) => {
    const spec = { ...Q2, format: 'csv' } as const;
    const pin = await events.pin();
    const code = reportCode(version)!;
    const body = code.body(code.figures(await events.pinned(pin), spec), spec, { id, position: pin.position, codeVersion: version });
    await new FiledReportStore(dataSource).insert({
      ...spec,
      id,
      pin,
      codeVersion: version,
      sha256: sha256Hex(body),
      byteLength: Buffer.byteLength(body),
      filedAt: new Date().toISOString(),
      filedBy: 'pm',
    });
    const again = await reports.regenerate(await reports.record(id));
    expect(again.body).toBe(body);
    expect(again.body.split('\r\n')[0]).toBe(header);
    const current = await reports.file(spec, 'pm');
    expect(current.codeVersion).toBe('quarterly/3');
    expect((await reports.regenerate(current)).body.split('\r\n')[0]).toBe('quarter,group_by,group,measure,currency,period,item,value,note,lineage');
  });

  it('answers 410 for a filing whose code version is retired, 404 for an unknown id, 422 for a diff across periods', async () => {
    const filed = await reports.file(Q2, 'pm');
    await dataSource.query("update filed_reports set code_version = 'quarterly/0' where id = $1", [filed.id]);
    expect(await problemOf(reports.regenerate(await reports.record(filed.id)))).toMatchObject({ status: 410, codeVersion: 'quarterly/0' });

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await problemOf(reports.record(unknown))).toMatchObject({ status: 404, errors: [{ pointer: '/id' }] });
    const q1 = await reports.file({ ...Q2, period: '2025-Q1' }, 'pm');
    expect(await problemOf(reports.diff(unknown, unknown))).toMatchObject({ status: 404, errors: [{ pointer: '/id' }, { pointer: '/against' }] });
    expect(await problemOf(reports.diff(q1.id, filed.id))).toMatchObject({
      status: 422,
      code: 'REPORTS_NOT_COMPARABLE',
      differences: [{ field: 'period', report: '2025-Q1', against: '2025-Q2' }],
    });
  });
});
