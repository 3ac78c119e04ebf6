import type { PortfolioEvent } from '@ecab/contracts';
import { ProblemError } from '@ecab/platform';
import type { DataSource } from 'typeorm';
import { createViewsTestDatabase, type ViewsTestDatabase } from '../test-support/views-test-database.js';
import { PortfolioProjection } from '../projections/portfolio-projection.js';
import type { Sql } from '../sql.js';
import { decodeCursor } from './pagination.js';
import { listProjects, type ProjectListPage } from './project-list/project-list.controller.js';
import { projectListQuery } from './project-list/project-list.query.js';
import { readTimeline, type TimelineEntry } from './project-timeline/project-timeline.controller.js';
import { projectTimelineQuery } from './project-timeline/project-timeline.query.js';

/**
 * The project, performance and activity families through the real projection, and the list and timeline
 * queries over what they wrote. Every expectation is computed here from the events sent.
 */
let sequence = 0;
const versions = new Map<string, number>();
const STATUS = (code: string) => ({ code, codelist: 'ActivityStatus', version: '2.03' });

function event(projectId: string, streamId: string, type: string, data: Record<string, unknown>, extra: Partial<PortfolioEvent> = {}): PortfolioEvent {
  sequence += 1;
  const version = (versions.get(streamId) ?? 0) + 1;
  versions.set(streamId, version);
  return {
    eventId: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    streamId,
    streamVersion: version,
    subject: projectId,
    cluster: 'transport',
    // One second apart, so the recorded order is the order sent.
    time: new Date(Date.UTC(2026, 10, 1, 8, 0, sequence)).toISOString(),
    data: { projectId, ...data },
    ...extra,
  };
}
const own = (projectId: string, type: string, data: Record<string, unknown>, extra?: Partial<PortfolioEvent>) =>
  event(projectId, `project-${projectId}`, type, data, extra);
const review = (projectId: string, period: string, type: string, data: Record<string, unknown>, extra?: Partial<PortfolioEvent>) =>
  event(projectId, `performance-${projectId}-${period}`, type, { period, ...data }, extra);
const ratings = (r: string) => ({ outputs: r, contract_awards: r, disbursements: r, financial_management: r, safeguards: r });

describe('project, performance and activity views and their queries (real PostgreSQL)', () => {
  let views: ViewsTestDatabase;
  let dataSource: DataSource;
  let projection: PortfolioProjection;
  let sql: Sql;

  beforeAll(async () => {
    views = await createViewsTestDatabase('views_projects');
    ({ dataSource, projection } = views);
    sql = (text, params) => dataSource.query(text, params as unknown[] | undefined);
  });

  afterAll(async () => {
    await views.drop();
  });

  it('keeps a project’s identifier, dates (the latest of each type) and approval', async () => {
    await projection.apply([
      own('PF-1', 'ProjectRegistered', {
        title: 'Border crossing',
        cluster: 'transport',
        countries: [{ code: 'KZ', percentage: 100 }],
        effectiveDate: '2024-01-10',
      }),
      own('PF-1', 'ProjectIdentifierAssigned', {
        iatiIdentifier: 'XM-DAC-46004-PF-1',
        reportingOrgRef: 'XM-DAC-46004',
        localId: 'PF-1',
        effectiveDate: '2024-01-11',
      }),
      own('PF-1', 'ProjectDateRecorded', { dateType: { code: '1', codelist: 'ActivityDateType' }, date: '2024-03-01', effectiveDate: '2024-01-12' }),
      own('PF-1', 'ProjectDateRecorded', { dateType: { code: '3', codelist: 'ActivityDateType' }, date: '2027-12-31', effectiveDate: '2024-01-12' }),
      own('PF-1', 'ProjectApproved', { approvalDate: '2024-02-20', stage: 'approved', effectiveDate: '2024-02-20' }),
      own('PF-1', 'ProjectDateRecorded', { dateType: { code: '2', codelist: 'ActivityDateType' }, date: '2024-04-02', effectiveDate: '2024-04-02' }),
      own('PF-1', 'ProjectStatusChanged', { from: STATUS('1'), to: STATUS('2'), stage: 'implementation', effectiveDate: '2024-04-02' }),
      // The plan moves: the later planned end replaces the earlier.
      own('PF-1', 'ProjectDateRecorded', { dateType: { code: '3', codelist: 'ActivityDateType' }, date: '2028-06-30', effectiveDate: '2025-01-05' }),
      own('PF-1', 'ProjectIdentifierAssigned', {
        iatiIdentifier: 'XM-DAC-46004-PF-1A',
        reportingOrgRef: 'XM-DAC-46004',
        localId: 'PF-1A',
        supersededIdentifier: 'XM-DAC-46004-PF-1',
        correctionReason: 'Typo in the local id',
        effectiveDate: '2025-01-06',
      }),
    ]);
    const [row] = await sql(
      `select iati_identifier, status, stage, planned_start::text, actual_start::text, planned_end::text, actual_end::text, approved_on::text, version
         from project_summary where project_id = 'PF-1'`,
    );
    expect(row).toEqual({
      iati_identifier: 'XM-DAC-46004-PF-1A',
      status: '2',
      stage: 'implementation',
      planned_start: '2024-03-01',
      actual_start: '2024-04-02',
      planned_end: '2028-06-30',
      actual_end: null,
      approved_on: '2024-02-20',
      version: 9,
    });
  });

  it('keeps one rating per quarter (a correction replaces it), the latest quarter as the project’s rating, and risks and issues', async () => {
    await projection.apply([
      review('PF-1', '2026-Q2', 'PerformanceRated', { ratings: ratings('at_risk'), overall: 'at_risk', effectiveDate: '2026-07-10', thresholds: {} }),
      review('PF-1', '2026-Q3', 'PerformanceRated', {
        ratings: ratings('on_track'),
        overall: 'on_track',
        worldBankRating: 'S',
        rationale: 'Fine',
        effectiveDate: '2026-10-10',
        thresholds: {},
      }),
      review('PF-1', '2026-Q3', 'RiskRegistered', {
        riskId: 'R-1',
        description: 'Floods',
        likelihood: 'medium',
        impact: 'high',
        mitigation: 'Drainage',
        dimension: 'outputs',
        effectiveDate: '2026-10-11',
      }),
      review('PF-1', '2026-Q3', 'IssueRaised', { issueId: 'I-1', description: 'Late funds', effectiveDate: '2026-10-12' }),
      review('PF-1', '2026-Q3', 'IssueRaised', { issueId: 'I-2', description: 'Permits', dimension: 'safeguards', effectiveDate: '2026-10-13' }),
      review('PF-1', '2026-Q3', 'IssueResolved', { issueId: 'I-1', resolution: 'Released', effectiveDate: '2026-11-02' }),
    ]);
    expect(await sql(`select rating, rating_period from project_summary where project_id = 'PF-1'`)).toEqual([
      { rating: 'on_track', rating_period: '2026-Q3' },
    ]);
    // A correction of the latest quarter changes the project's rating; a correction of an older one does not.
    await projection.apply([
      review(
        'PF-1',
        '2026-Q3',
        'PerformanceRated',
        {
          ratings: ratings('for_attention'),
          overall: 'for_attention',
          correctionReason: 'Contract awards were overstated',
          effectiveDate: '2026-10-20',
          thresholds: {},
        },
        { actor: 'pm@ecab' },
      ),
      review('PF-1', '2026-Q2', 'PerformanceRated', {
        ratings: ratings('for_attention'),
        overall: 'for_attention',
        correctionReason: 'Re-read the report',
        effectiveDate: '2026-07-25',
        thresholds: {},
      }),
    ]);
    expect(await sql(`select rating, rating_period from project_summary where project_id = 'PF-1'`)).toEqual([
      { rating: 'for_attention', rating_period: '2026-Q3' },
    ]);
    expect(
      await sql(
        `select period, overall, ratings->>'outputs' as outputs, world_bank_rating, rated_on::text, corrections, correction_reason from performance_rating where project_id = 'PF-1' order by period`,
      ),
    ).toEqual([
      {
        period: '2026-Q2',
        overall: 'for_attention',
        outputs: 'for_attention',
        world_bank_rating: null,
        rated_on: '2026-07-25',
        corrections: 1,
        correction_reason: 'Re-read the report',
      },
      {
        period: '2026-Q3',
        overall: 'for_attention',
        outputs: 'for_attention',
        world_bank_rating: null,
        rated_on: '2026-10-20',
        corrections: 1,
        correction_reason: 'Contract awards were overstated',
      },
    ]);
    expect(
      await sql(`select period, id, likelihood, impact, mitigation, dimension, status, raised_on::text from project_risk where project_id = 'PF-1'`),
    ).toEqual([
      {
        period: '2026-Q3',
        id: 'R-1',
        likelihood: 'medium',
        impact: 'high',
        mitigation: 'Drainage',
        dimension: 'outputs',
        status: 'open',
        raised_on: '2026-10-11',
      },
    ]);
    expect(
      await sql(`select id, dimension, status, raised_on::text, resolved_on::text, resolution from project_issue where project_id = 'PF-1' order by id`),
    ).toEqual([
      { id: 'I-1', dimension: null, status: 'resolved', raised_on: '2026-10-12', resolved_on: '2026-11-02', resolution: 'Released' },
      { id: 'I-2', dimension: 'safeguards', status: 'open', raised_on: '2026-10-13', resolved_on: null, resolution: null },
    ]);
  });

  it('answers the timeline with who, when and why, in either order, page by page', async () => {
    await projection.apply([
      own('PF-2', 'ProjectRegistered', { title: 'Timeline', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] }, { actor: 'admin@ecab' }),
      own(
        'PF-2',
        'ProjectDateRecorded',
        { dateType: { code: '2', codelist: 'ActivityDateType' }, date: '2025-05-01', effectiveDate: '2025-05-01' },
        { actor: 'pm@ecab' },
      ),
      own('PF-2', 'ProjectStatusChanged', { from: STATUS('1'), to: STATUS('2'), stage: 'implementation', effectiveDate: '2025-05-02' }, { actor: 'pm@ecab' }),
      own(
        'PF-2',
        'ProjectStatusChanged',
        { from: STATUS('2'), to: STATUS('6'), stage: 'implementation', reason: 'Border closed', effectiveDate: '2025-09-01' },
        { actor: 'pm@ecab' },
      ),
      event('PF-2', 'agreement-L-2', 'TransactionReversed', {
        agreementId: 'L-2',
        transactionId: 't1',
        reversedEventType: 'ExpenditureRecorded',
        amount: '1.00',
        currency: 'USD',
        reasonCode: 'DUPLICATE_ENTRY',
        effectiveDate: '2025-03-01',
      }),
      own(
        'PF-2',
        'ProjectStatusChanged',
        {
          from: STATUS('6'),
          to: STATUS('2'),
          stage: 'implementation',
          reason: 'Suspension recorded by mistake',
          correction: true,
          effectiveDate: '2025-08-15',
        },
        { actor: 'admin@ecab' },
      ),
      review('PF-2', '2025-Q3', 'PerformanceRated', {
        ratings: ratings('on_track'),
        overall: 'on_track',
        correctionReason: 'Recount',
        effectiveDate: '2025-10-01',
        thresholds: {},
      }),
    ]);
    const sent = (await sql(`select event_id from project_activity where project_id = 'PF-2'`)).length;
    expect(sent).toBe(7);

    const walk = async (order: 'recorded' | 'effective', limit: number): Promise<TimelineEntry[]> => {
      const all: TimelineEntry[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 20; pages += 1) {
        const parameters = projectTimelineQuery.query.parse({ order, limit: String(limit), ...(cursor ? { cursor } : {}) });
        const page = await readTimeline(sql, 'PF-2', parameters, decodeCursor(cursor, order === 'effective' ? 4 : 3, order));
        expect(page.items.length).toBeLessThanOrEqual(limit);
        all.push(...page.items);
        if (page.nextCursor === null) return all;
        cursor = page.nextCursor;
      }
      throw new Error('the timeline never ended');
    };

    const recorded = await walk('recorded', 2);
    expect(recorded.map((e) => e.type)).toEqual([
      'ProjectRegistered',
      'ProjectDateRecorded',
      'ProjectStatusChanged',
      'ProjectStatusChanged',
      'TransactionReversed',
      'ProjectStatusChanged',
      'PerformanceRated',
    ]);
    expect(recorded.map((e) => [e.actor, e.correction, e.reason])).toEqual([
      ['admin@ecab', false, null],
      ['pm@ecab', false, null],
      ['pm@ecab', false, null],
      ['pm@ecab', false, 'Border closed'],
      [null, true, 'DUPLICATE_ENTRY'],
      ['admin@ecab', true, 'Suspension recorded by mistake'],
      [null, true, 'Recount'],
    ]);
    expect(recorded[4]).toMatchObject({ streamId: 'agreement-L-2', version: 1, effectiveDate: '2025-03-01' });
    // The data as jsonb gives it whatever order it was written in: shorter keys first, then bytewise (the
    // registration was sent as projectId, title, cluster, countries; an upcast event's added keys do not trail).
    expect(Object.keys(recorded[0]!.data)).toEqual(['title', 'cluster', 'countries', 'projectId']);
    expect(recorded[0]!.data).toEqual({ projectId: 'PF-2', title: 'Timeline', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] });
    // Recorded times are those the events carry, in the order sent.
    expect(recorded.map((e) => e.recordedAt)).toEqual(recorded.map((e) => e.recordedAt).sort());

    // Effective order: the registration has no effective date and counts on the day it was recorded (2026-11-01).
    const effective = await walk('effective', 3);
    expect(effective.map((e) => e.effectiveDate ?? `recorded ${e.recordedAt.slice(0, 10)}`)).toEqual([
      '2025-03-01',
      '2025-05-01',
      '2025-05-02',
      '2025-08-15',
      '2025-09-01',
      '2025-10-01',
      'recorded 2026-11-01',
    ]);
    expect(new Set(effective.map((e) => e.eventId))).toEqual(new Set(recorded.map((e) => e.eventId)));

    await expect(readTimeline(sql, 'NO-SUCH', projectTimelineQuery.query.parse({}), undefined)).rejects.toThrow(ProblemError);
    expect(() => decodeCursor(Buffer.from(JSON.stringify(['recorded', 'x', 'y', 'z', 1])).toString('base64url'), 4, 'effective')).toThrow(ProblemError);
    expect(() => decodeCursor('bm90LWpzb24', 3, 'recorded')).toThrow(ProblemError);
  });

  describe('the project list', () => {
    const CLUSTERS = ['transport', 'health', 'climate'];
    const COUNTRIES = [
      [{ code: 'KZ', percentage: 100 }],
      [{ code: 'KG', percentage: 100 }],
      [
        { code: 'KZ', percentage: 60 },
        { code: 'KG', percentage: 40 },
      ],
    ];
    const RATINGS = [undefined, 'on_track', 'at_risk', 'for_attention'];
    interface Sent {
      id: string;
      title: string;
      cluster: string;
      countries: string[];
      status: string;
      rating: string | undefined;
      registeredAt: string;
    }
    const sent: Sent[] = [];

    beforeAll(async () => {
      const batch: PortfolioEvent[] = [];
      for (let i = 0; i < 23; i += 1) {
        // Ids and titles in different orders: titles run backwards; some titles repeat (ties broken by id).
        const id = `LS-${String(i).padStart(2, '0')}`;
        const title = `${String.fromCharCode(90 - (i % 20))} road ${i % 20 === 3 ? 'Žabljak' : 'works'}`;
        const cluster = CLUSTERS[i % 3]!;
        const countries = COUNTRIES[i % 3 === 0 ? 0 : (i % 7) % 3]!;
        const registration = own(id, 'ProjectRegistered', { title, cluster, countries });
        batch.push(registration);
        let status = '1';
        if (i % 4 === 1) {
          batch.push(
            own(id, 'ProjectDateRecorded', { dateType: { code: '2', codelist: 'ActivityDateType' }, date: '2025-01-01', effectiveDate: '2025-01-01' }),
          );
          batch.push(own(id, 'ProjectStatusChanged', { from: STATUS('1'), to: STATUS('2'), stage: 'implementation', effectiveDate: '2025-01-01' }));
          status = '2';
        } else if (i % 4 === 2) {
          batch.push(own(id, 'ProjectStatusChanged', { from: STATUS('1'), to: STATUS('5'), stage: 'pipeline', effectiveDate: '2025-02-01' }));
          status = '5';
        }
        const rating = RATINGS[i % 4];
        if (rating)
          batch.push(review(id, '2026-Q1', 'PerformanceRated', { ratings: ratings(rating), overall: rating, effectiveDate: '2026-04-10', thresholds: {} }));
        sent.push({ id, title, cluster, countries: countries.map((c) => c.code), status, rating, registeredAt: registration.time });
      }
      await projection.apply(batch);
    });

    async function walk(query: Record<string, string>, limit: number): Promise<{ ids: string[]; pages: number }> {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let pages = 1; pages <= 50; pages += 1) {
        const parameters = projectListQuery.query.parse({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
        const key = parameters.sort.replace(/^-/, '');
        const page: ProjectListPage = await listProjects(sql, parameters, decodeCursor(cursor, key === 'id' ? 1 : 2, parameters.sort));
        expect(page.items.length).toBeLessThanOrEqual(limit);
        ids.push(...page.items.map((p) => p.id).filter((id) => id.startsWith('LS-')));
        if (page.nextCursor === null) return { ids, pages };
        cursor = page.nextCursor;
      }
      throw new Error('the list never ended');
    }

    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const by =
      (key: (p: Sent) => string, descending = false) =>
      (a: Sent, b: Sent) =>
        (descending ? -1 : 1) * (compare(key(a), key(b)) || compare(a.id, b.id));

    it('walks every project once, in each sort order, forwards and backwards', async () => {
      const cases: [string, (a: Sent, b: Sent) => number][] = [
        ['id', by((p) => p.id)],
        ['-id', by((p) => p.id, true)],
        ['title', by((p) => p.title)],
        ['-title', by((p) => p.title, true)],
        ['status', by((p) => p.status)],
        ['-status', by((p) => p.status, true)],
        ['registeredAt', by((p) => p.registeredAt)],
        ['-registeredAt', by((p) => p.registeredAt, true)],
      ];
      for (const [sort, order] of cases) {
        const { ids } = await walk({ sort, cluster: CLUSTERS.join(',') }, 4);
        expect({ sort, ids }).toEqual({ sort, ids: [...sent].sort(order).map((p) => p.id) });
      }
    });

    it('filters by cluster, country, status, rating and text, combined with AND', async () => {
      const only = (keep: (p: Sent) => boolean) =>
        sent
          .filter(keep)
          .map((p) => p.id)
          .sort(compare);
      expect((await walk({ cluster: 'health' }, 5)).ids).toEqual(only((p) => p.cluster === 'health'));
      expect((await walk({ cluster: 'health,climate' }, 5)).ids).toEqual(only((p) => p.cluster === 'health' || p.cluster === 'climate'));
      expect((await walk({ country: 'KG' }, 5)).ids).toEqual(only((p) => p.countries.includes('KG')));
      expect((await walk({ status: '2,5' }, 5)).ids).toEqual(only((p) => p.status === '2' || p.status === '5'));
      expect((await walk({ rating: 'at_risk' }, 5)).ids).toEqual(only((p) => p.rating === 'at_risk'));
      expect((await walk({ country: 'KZ', status: '1', cluster: 'transport' }, 5)).ids).toEqual(
        only((p) => p.countries.includes('KZ') && p.status === '1' && p.cluster === 'transport'),
      );
      expect((await walk({ q: 'ŽABL' }, 5)).ids).toEqual(only((p) => p.title.toLowerCase().includes('žabl')));
      expect((await walk({ q: 'ls-1' }, 5)).ids).toEqual(only((p) => p.id.toLowerCase().includes('ls-1')));
      // LIKE's wildcards are text here, not patterns.
      expect((await walk({ q: 'L%-' }, 5)).ids).toEqual([]);
    });

    it('answers the list fields, and refuses a cursor of another order', async () => {
      const parameters = projectListQuery.query.parse({ q: 'LS-05' });
      const { items } = await listProjects(sql, parameters, undefined);
      const expected = sent.find((p) => p.id === 'LS-05')!;
      expect(items).toEqual([
        expect.objectContaining({
          id: 'LS-05',
          title: expected.title,
          cluster: expected.cluster,
          status: expected.status,
          rating: expected.rating ?? null,
          ratingPeriod: expected.rating ? '2026-Q1' : null,
          actualStart: '2025-01-01',
          registeredAt: expected.registeredAt,
        }),
      ]);
      const first = await listProjects(sql, projectListQuery.query.parse({ sort: 'title', limit: '2' }), undefined);
      expect(first.nextCursor).not.toBeNull();
      expect(() => decodeCursor(first.nextCursor!, 2, '-title')).toThrow(ProblemError);
      expect(
        projectListQuery.query
          .safeParse({ sort: 'colour', limit: '501', status: '7', cluster: 'space', q: 'ab', extra: '1' })
          .error?.issues.map((i) => i.path.join('.') || i.code)
          .sort(),
      ).toEqual(['cluster', 'limit', 'q', 'sort', 'status', 'unrecognized_keys'].sort());
    });
  });
});
