import type { PortfolioEvent } from '@ecab/contracts';
import type { DataSource } from 'typeorm';
import { createViewsTestDatabase, type ViewsTestDatabase } from '../test-support/views-test-database.js';
import { projectMilestonesAndResults } from '../queries/milestones-and-results/project-milestones-and-results.js';
import { overdueMilestones, overdueMilestonesPage } from '../queries/overdue-milestones/overdue-milestones.js';
import { readProgramme, resolveProgramme } from '../queries/programme/programme.js';
import { resultsScorecard, resultsScorecardPage } from '../queries/results-scorecard/results-scorecard.js';
import { PortfolioProjection } from './portfolio-projection.js';
import type { Sql } from '../sql.js';

let sequence = 0;
const versions = new Map<string, number>();
/** The next event of a stream (versions counted per stream), about `subject`. */
function event(streamId: string, subject: string, type: string, data: Record<string, unknown>): PortfolioEvent {
  sequence += 1;
  const streamVersion = (versions.get(streamId) ?? 0) + 1;
  versions.set(streamId, streamVersion);
  return {
    eventId: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    streamId,
    streamVersion,
    subject,
    cluster: 'transport',
    time: `2026-11-26T08:00:${String(sequence % 60).padStart(2, '0')}.000Z`,
    data,
  };
}

const project = (id: string, cluster: string, countries: { code: string; percentage: number }[]) =>
  event(`project-${id}`, id, 'ProjectRegistered', { projectId: id, title: `Project ${id}`, cluster, countries });
const milestone = (projectId: string, type: string, data: Record<string, unknown>) => event(`milestones-${projectId}`, projectId, type, { projectId, ...data });
const results = (projectId: string, type: string, data: Record<string, unknown>) => event(`results-${projectId}`, projectId, type, { projectId, ...data });
const programme = (type: string, data: Record<string, unknown>) => event('programme-ECAB', 'ECAB', type, { programmeId: 'ECAB', ...data });
const year = (y: number) => ({ start: `${y}-01-01`, end: `${y}-12-31` });
const measure = (code: string) => ({ code, codelist: 'IndicatorMeasure', version: '2.03' });
const source = { citation: 'IGC protocol', confidence: 'unconfirmed' };

describe('the milestones, results and programme views (real PostgreSQL)', () => {
  let views: ViewsTestDatabase;
  let dataSource: DataSource;
  let projection: PortfolioProjection;
  let sql: Sql;

  beforeAll(async () => {
    views = await createViewsTestDatabase('views_programme');
    ({ dataSource, projection } = views);
    sql = (text, params) => dataSource.query(text, params as unknown[] | undefined);
    await projection.apply([
      project('TR-1', 'transport', [
        { code: 'KZ', percentage: 60 },
        { code: 'KG', percentage: 40 },
      ]),
      project('AQ-1', 'air-quality', [{ code: 'KG', percentage: 100 }]),
    ]);
  });

  afterAll(async () => {
    await views.drop();
  });

  describe('milestones', () => {
    beforeAll(async () => {
      await projection.apply([
        // Achieved 45 days late: 2025-03-31 → 2025-05-15 (30 days to 04-30, 15 more).
        milestone('TR-1', 'MilestonePlanned', { milestoneId: 'SIGNING', category: 'signing', baselineDate: '2025-03-31', effectiveDate: '2024-12-01' }),
        milestone('TR-1', 'MilestoneAchieved', { milestoneId: 'SIGNING', actualDate: '2025-05-15', slippageDays: 45, effectiveDate: '2025-05-15' }),
        // Rescheduled 2026-01-31 → 2026-04-30: 28 + 31 + 30 = 89 days.
        milestone('TR-1', 'MilestonePlanned', { milestoneId: 'EFFECTIVE', category: 'effectiveness', baselineDate: '2026-01-31', effectiveDate: '2024-12-01' }),
        milestone('TR-1', 'MilestoneRescheduled', {
          milestoneId: 'EFFECTIVE',
          previousDate: '2026-01-31',
          newDate: '2026-04-30',
          reason: 'Ratification late',
          slippageDays: 89,
          effectiveDate: '2026-01-10',
        }),
        // Never moved, never achieved: overdue from 2025-10-01 on.
        milestone('TR-1', 'MilestonePlanned', { milestoneId: 'AWARD', category: 'contract-award', baselineDate: '2025-09-30', effectiveDate: '2024-12-01' }),
        // Dropped: never overdue.
        milestone('TR-1', 'MilestonePlanned', {
          milestoneId: 'PPP',
          category: 'other',
          title: 'PPP tender',
          baselineDate: '2025-06-30',
          effectiveDate: '2024-12-01',
        }),
        milestone('TR-1', 'MilestoneDropped', { milestoneId: 'PPP', reason: 'Public works instead', effectiveDate: '2025-02-01' }),
        // Same id in another project: its own row. Rescheduled earlier, overdue too.
        milestone('AQ-1', 'MilestonePlanned', { milestoneId: 'SIGNING', category: 'signing', baselineDate: '2025-12-31', effectiveDate: '2024-12-01' }),
        milestone('AQ-1', 'MilestoneRescheduled', {
          milestoneId: 'SIGNING',
          previousDate: '2025-12-31',
          newDate: '2025-12-01',
          reason: 'Earlier',
          slippageDays: -30,
          effectiveDate: '2025-06-01',
        }),
      ]);
    });

    it('keeps each milestone’s dates, status and slippage against the baseline', async () => {
      const rows = await sql(
        `select project_id, milestone_id, status, to_char(forecast_on, 'YYYY-MM-DD') as forecast, to_char(actual_on, 'YYYY-MM-DD') as actual, slippage_days
           from milestone_view order by project_id, milestone_id`,
      );
      expect(rows).toEqual([
        { project_id: 'AQ-1', milestone_id: 'SIGNING', status: 'planned', forecast: '2025-12-01', actual: null, slippage_days: -30 },
        { project_id: 'TR-1', milestone_id: 'AWARD', status: 'planned', forecast: null, actual: null, slippage_days: 0 },
        { project_id: 'TR-1', milestone_id: 'EFFECTIVE', status: 'planned', forecast: '2026-04-30', actual: null, slippage_days: 89 },
        { project_id: 'TR-1', milestone_id: 'PPP', status: 'dropped', forecast: null, actual: null, slippage_days: 0 },
        { project_id: 'TR-1', milestone_id: 'SIGNING', status: 'achieved', forecast: null, actual: '2025-05-15', slippage_days: 45 },
      ]);
    });

    it('lists what is overdue on a day: planned date passed, neither achieved nor dropped', async () => {
      // 2026-02-15: AWARD (planned 2025-09-30, 138 days before: 31+30+31+31+15) and AQ-1 SIGNING (2025-12-01, 76 days: 31+31+14);
      // EFFECTIVE now falls on 2026-04-30, not yet.
      expect(await overdueMilestones(sql, { on: '2026-02-15' })).toEqual([
        expect.objectContaining({
          projectId: 'TR-1',
          milestoneId: 'AWARD',
          plannedDate: '2025-09-30',
          forecastDate: null,
          slippageDays: 0,
          daysOverdue: 138,
          cluster: 'transport',
          projectTitle: 'Project TR-1',
        }),
        expect.objectContaining({
          projectId: 'AQ-1',
          milestoneId: 'SIGNING',
          baselineDate: '2025-12-31',
          plannedDate: '2025-12-01',
          slippageDays: -30,
          daysOverdue: 76,
        }),
      ]);
      // The day after the planned date is the first overdue day; on the date itself it is not.
      expect((await overdueMilestones(sql, { on: '2026-04-30' })).map((m) => m.milestoneId)).toEqual(['AWARD', 'SIGNING']);
      expect(await overdueMilestones(sql, { on: '2026-05-01' })).toEqual([
        expect.objectContaining({ milestoneId: 'AWARD' }),
        expect.objectContaining({ milestoneId: 'SIGNING' }),
        expect.objectContaining({ milestoneId: 'EFFECTIVE', slippageDays: 89, daysOverdue: 1 }),
      ]);
      expect((await overdueMilestones(sql, { on: '2026-05-01', cluster: 'air-quality' })).map((m) => m.projectId)).toEqual(['AQ-1']);
      expect((await overdueMilestones(sql, { on: '2026-05-01', country: 'KZ' })).map((m) => m.milestoneId)).toEqual(['AWARD', 'EFFECTIVE']);
      expect(await overdueMilestones(sql, { on: '2025-09-30' })).toEqual([]);
    });

    it('pages the overdue list with a cursor', async () => {
      const first = await overdueMilestonesPage(sql, { on: '2026-05-01', limit: 2 });
      expect(first.items.map((m) => m.milestoneId)).toEqual(['AWARD', 'SIGNING']);
      expect(first.nextCursor).toEqual(expect.any(String));
      const cursor = JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString('utf8')) as string[];
      const second = await overdueMilestonesPage(sql, { on: '2026-05-01', limit: 2, after: cursor });
      expect(second).toEqual({ items: [expect.objectContaining({ milestoneId: 'EFFECTIVE' })], nextCursor: null });
    });
  });

  describe('results', () => {
    beforeAll(async () => {
      await projection.apply([
        results('TR-1', 'ResultDefined', { resultId: 'OUT-1', resultType: { code: '2', codelist: 'ResultType', version: '2.03' }, title: 'Faster crossings' }),
        // Ascending: baseline 100 (2023); targets 200 (2026) and 300 (2028, the end target);
        // 2024 reported 150 and verified; 2025 reported 180, not verified → actual 150, verified.
        results('TR-1', 'IndicatorDefined', {
          resultId: 'OUT-1',
          indicatorId: 'TRUCKS',
          title: 'Trucks per day',
          measure: measure('1'),
          ascending: true,
          unit: 'trucks',
        }),
        results('TR-1', 'BaselineSet', { indicatorId: 'TRUCKS', year: 2023, value: '100' }),
        results('TR-1', 'TargetSet', { indicatorId: 'TRUCKS', period: year(2028), value: '300' }),
        results('TR-1', 'TargetSet', { indicatorId: 'TRUCKS', period: year(2026), value: '200' }),
        results('TR-1', 'ActualReported', { indicatorId: 'TRUCKS', period: year(2024), value: '150' }),
        results('TR-1', 'ActualVerified', { indicatorId: 'TRUCKS', period: year(2024), value: '150' }),
        results('TR-1', 'ActualReported', { indicatorId: 'TRUCKS', period: year(2025), value: '180' }),
        // Target = baseline: progress means nothing.
        results('TR-1', 'IndicatorDefined', { resultId: 'OUT-1', indicatorId: 'FLAT', title: 'Flat', measure: measure('1'), ascending: true }),
        results('TR-1', 'BaselineSet', { indicatorId: 'FLAT', year: 2023, value: '5' }),
        results('TR-1', 'TargetSet', { indicatorId: 'FLAT', period: year(2027), value: '5.0' }),
        results('TR-1', 'ActualReported', { indicatorId: 'FLAT', period: year(2024), value: '6' }),
        results('AQ-1', 'ResultDefined', { resultId: 'OUT-1', resultType: { code: '2', codelist: 'ResultType', version: '2.03' }, title: 'Cleaner air' }),
        // Descending: PM2.5 baseline 50 → target 25. 2024 reported 30, rejected (never counts);
        // 2025 reported 40 → actual 40, not verified; progress (40 − 50) ÷ (25 − 50) = 0.4.
        results('AQ-1', 'IndicatorDefined', { resultId: 'OUT-1', indicatorId: 'PM25', title: 'PM2.5', measure: measure('1'), ascending: false, unit: 'µg/m3' }),
        results('AQ-1', 'BaselineSet', { indicatorId: 'PM25', year: 2022, value: '50' }),
        results('AQ-1', 'TargetSet', { indicatorId: 'PM25', period: year(2028), value: '25' }),
        results('AQ-1', 'ActualReported', { indicatorId: 'PM25', period: year(2025), value: '40' }),
        results('AQ-1', 'ActualReported', { indicatorId: 'PM25', period: year(2024), value: '30' }),
        results('AQ-1', 'ActualRejected', { indicatorId: 'PM25', period: year(2024), value: '30', reason: 'Wrong station' }),
        // No actual yet: no progress.
        results('AQ-1', 'IndicatorDefined', { resultId: 'OUT-1', indicatorId: 'SENSORS', title: 'Sensors', measure: measure('1'), ascending: true }),
        results('AQ-1', 'BaselineSet', { indicatorId: 'SENSORS', year: 2023, value: '0' }),
        results('AQ-1', 'TargetSet', { indicatorId: 'SENSORS', period: year(2024), value: '50' }),
      ]);
    });

    it('scores each indicator: latest verified actual, else latest reported, never a rejected one', async () => {
      const items = await resultsScorecard(sql);
      expect(items.map((i) => [i.projectId, i.indicatorId, i.actual?.value ?? null, i.actual?.verified ?? null, i.target?.value ?? null, i.progress])).toEqual([
        ['AQ-1', 'PM25', '40', false, '25', 0.4],
        ['AQ-1', 'SENSORS', null, null, '50', null],
        ['TR-1', 'FLAT', '6', false, '5.0', null],
        // (150 − 100) ÷ (300 − 100) = 0.25
        ['TR-1', 'TRUCKS', '150', true, '300', 0.25],
      ]);
      expect(items[0]).toEqual({
        projectId: 'AQ-1',
        projectTitle: 'Project AQ-1',
        cluster: 'air-quality',
        resultId: 'OUT-1',
        indicatorId: 'PM25',
        title: 'PM2.5',
        measure: '1',
        ascending: false,
        unit: 'µg/m3',
        baseline: { year: 2022, value: '50' },
        target: { value: '25', period: year(2028) },
        actual: { value: '40', verified: false, period: year(2025) },
        progress: 0.4,
      });
    });

    it('clamps progress to 0–1, for descending indicators too', async () => {
      await projection.apply([
        // PM2.5 verified at 60 for 2026: worse than the baseline → 0 (the verified one wins over the later reported).
        results('AQ-1', 'ActualReported', { indicatorId: 'PM25', period: year(2026), value: '60' }),
        results('AQ-1', 'ActualVerified', { indicatorId: 'PM25', period: year(2026), value: '60' }),
        // Trucks: 2027 reported 350 and verified → (350 − 100) ÷ 200 = 1.25 → 1.
        results('TR-1', 'ActualReported', { indicatorId: 'TRUCKS', period: year(2027), value: '350' }),
        results('TR-1', 'ActualVerified', { indicatorId: 'TRUCKS', period: year(2027), value: '350' }),
      ]);
      const items = await resultsScorecard(sql, { cluster: 'air-quality' });
      expect(items.map((i) => [i.indicatorId, i.actual?.value ?? null, i.progress])).toEqual([
        ['PM25', '60', 0],
        ['SENSORS', null, null],
      ]);
      expect((await resultsScorecard(sql, { project: 'TR-1' })).map((i) => [i.indicatorId, i.progress])).toEqual([
        ['FLAT', null],
        ['TRUCKS', 1],
      ]);
      const page = await resultsScorecardPage(sql, { limit: 3 });
      expect(page.items.map((i) => i.indicatorId)).toEqual(['PM25', 'SENSORS', 'FLAT']);
      const after = JSON.parse(Buffer.from(page.nextCursor!, 'base64url').toString('utf8')) as string[];
      expect(await resultsScorecardPage(sql, { limit: 3, after })).toEqual({ items: [expect.objectContaining({ indicatorId: 'TRUCKS' })], nextCursor: null });
    });

    it('gives a project its milestones and results framework', async () => {
      const view = await projectMilestonesAndResults(sql, 'AQ-1', '2026-02-15');
      expect(view.milestones).toEqual([
        {
          milestoneId: 'SIGNING',
          category: 'signing',
          title: null,
          status: 'planned',
          baselineDate: '2025-12-31',
          forecastDate: '2025-12-01',
          actualDate: null,
          slippageDays: -30,
          overdue: true,
          rescheduleReason: 'Earlier',
          dropReason: null,
        },
      ]);
      expect(view.results).toEqual([
        {
          resultId: 'OUT-1',
          resultType: '2',
          title: 'Cleaner air',
          indicators: [expect.objectContaining({ indicatorId: 'PM25', progress: 0 }), expect.objectContaining({ indicatorId: 'SENSORS', progress: null })],
        },
      ]);
    });
  });

  describe('programme', () => {
    beforeAll(async () => {
      await projection.apply([
        programme('ProgrammeRegistered', { names: { en: 'ECAB' }, aliases: ['ABEC'], clusters: ['transport'], effectiveDate: '2014-11-06' }),
        programme('ProgrammeTargetSet', { kpi: 'bilateral-trade-usd', unit: 'USD', value: '2500000000', year: 2030, source, effectiveDate: '2023-01-01' }),
        // Set again for 2030: supersedes the 2.5bn.
        programme('ProgrammeTargetSet', { kpi: 'bilateral-trade-usd', unit: 'USD', value: '3000000000', year: 2030, source, effectiveDate: '2024-12-05' }),
        programme('ProgrammeTargetSet', { kpi: 'bilateral-trade-usd', unit: 'USD', value: '2000000000', year: 2025, source, effectiveDate: '2024-12-05' }),
        programme('ProgrammeKpiObserved', { kpi: 'bilateral-trade-usd', unit: 'USD', value: '1600000000', year: 2023, source, effectiveDate: '2024-02-01' }),
        programme('ProgrammeKpiObserved', { kpi: 'bilateral-trade-usd', unit: 'USD', value: '1100000000', year: 2021, source, effectiveDate: '2022-02-01' }),
        // Descending: trip hours 4 (2022) → 3.5 (2024), target 2 (2027-06-30): (3.5 − 4) ÷ (2 − 4) = 0.25.
        programme('ProgrammeKpiObserved', { kpi: 'trip-hours', unit: 'hours', value: '4', year: 2022, source, effectiveDate: '2023-01-01' }),
        programme('ProgrammeKpiObserved', { kpi: 'trip-hours', unit: 'hours', value: '3.5', date: '2024-07-01', source, effectiveDate: '2024-07-01' }),
        programme('ProgrammeTargetSet', { kpi: 'trip-hours', unit: 'hours', value: '2', date: '2027-06-30', source, effectiveDate: '2024-07-01' }),
        programme('GovernanceMeetingRecorded', {
          meetingId: 'IGC-12',
          body: 'igc',
          meetingNumber: 12,
          date: '2024-12-05',
          place: 'Bishkek',
          decisions: [
            { decisionId: 'D1', text: 'Seven joint checkpoints', kind: 'roadmap' },
            { decisionId: 'D2', text: 'Alternative road study', kind: 'protocol' },
          ],
          effectiveDate: '2024-12-05',
        }),
        programme('DecisionActionAssigned', {
          decisionId: 'D1',
          actionId: 'A1',
          description: 'Publish the schedule',
          owner: { name: 'Ministry of National Economy' },
          dueDate: '2025-06-30',
          effectiveDate: '2024-12-10',
        }),
        programme('DecisionActionAssigned', {
          decisionId: 'D1',
          actionId: 'A2',
          description: 'Fund the design',
          owner: { organisationId: 'XM-DAC-46004', name: 'ADB' },
          dueDate: '2025-03-31',
          effectiveDate: '2024-12-10',
        }),
        programme('DecisionActionAssigned', {
          decisionId: 'D2',
          actionId: 'A3',
          description: 'Terms of reference',
          owner: { name: 'MoT KG' },
          dueDate: '2026-12-31',
          effectiveDate: '2024-12-10',
        }),
        programme('DecisionActionCompleted', { decisionId: 'D1', actionId: 'A1', completionDate: '2025-05-20', effectiveDate: '2025-05-20' }),
      ]);
    });

    it('answers KPI series against their targets, with progress from the first observation', async () => {
      const view = await readProgramme(sql, 'ECAB', '2025-07-01');
      expect(view).toMatchObject({ id: 'ECAB', names: { en: 'ECAB' }, aliases: ['ABEC'], clusters: ['transport'], on: '2025-07-01' });
      const trade = view.kpis.find((k) => k.kpi === 'bilateral-trade-usd')!;
      expect(trade.unit).toBe('USD');
      expect(trade.observations.map((o) => [o.year, o.value])).toEqual([
        [2021, '1100000000'],
        [2023, '1600000000'],
      ]);
      expect(trade.targets.map((t) => [t.year, t.value])).toEqual([
        [2025, '2000000000'],
        [2030, '3000000000'],
      ]);
      expect(trade.target?.value).toBe('3000000000');
      // (1.6 − 1.1) ÷ (3.0 − 1.1) = 0.5 ÷ 1.9
      expect(trade.progress).toBeCloseTo(0.5 / 1.9, 12);
      const trip = view.kpis.find((k) => k.kpi === 'trip-hours')!;
      expect(trip).toMatchObject({
        unit: 'hours',
        baseline: { year: 2022, value: '4' },
        latest: { date: '2024-07-01', value: '3.5' },
        target: { date: '2027-06-30', value: '2' },
        progress: 0.25,
      });
    });

    it('keeps every decimal the domain accepts (12 places), exactly', async () => {
      await projection.apply([
        programme('ProgrammeKpiObserved', { kpi: 'load-factor', unit: 'ratio', value: '0.123456789012', year: 2024, source, effectiveDate: '2025-01-01' }),
      ]);
      const series = (await readProgramme(sql, 'ECAB', '2025-07-01')).kpis.find((k) => k.kpi === 'load-factor');
      expect(series).toMatchObject({ observations: [{ year: 2024, value: '0.123456789012' }], targets: [], target: null, progress: null });
    });

    it('answers meetings with their decisions and action items, judged on a day', async () => {
      const view = await readProgramme(sql, 'ECAB', '2025-07-01');
      expect(view.meetingCount).toBe(1);
      expect(view.meetings).toEqual([
        {
          meetingId: 'IGC-12',
          body: 'igc',
          bodyName: null,
          meetingNumber: 12,
          date: '2024-12-05',
          place: 'Bishkek',
          source: null,
          decisions: [
            {
              decisionId: 'D1',
              text: 'Seven joint checkpoints',
              kind: 'roadmap',
              actions: [
                {
                  actionId: 'A2',
                  description: 'Fund the design',
                  owner: { organisationId: 'XM-DAC-46004', name: 'ADB' },
                  assignedOn: '2024-12-10',
                  dueDate: '2025-03-31',
                  completedOn: null,
                  status: 'overdue',
                },
                {
                  actionId: 'A1',
                  description: 'Publish the schedule',
                  owner: { name: 'Ministry of National Economy' },
                  assignedOn: '2024-12-10',
                  dueDate: '2025-06-30',
                  completedOn: '2025-05-20',
                  status: 'done',
                },
              ],
            },
            {
              decisionId: 'D2',
              text: 'Alternative road study',
              kind: 'protocol',
              actions: [
                {
                  actionId: 'A3',
                  description: 'Terms of reference',
                  owner: { name: 'MoT KG' },
                  assignedOn: '2024-12-10',
                  dueDate: '2026-12-31',
                  completedOn: null,
                  status: 'open',
                },
              ],
            },
          ],
        },
      ]);
      expect(view.actionCounts).toEqual({ open: 1, overdue: 1, done: 1 });
      // Before A2's due date it was merely open.
      expect((await readProgramme(sql, 'ECAB', '2025-03-31')).actionCounts).toEqual({ open: 2, overdue: 0, done: 1 });
    });

    it('answers the only programme by default, and asks which one when there are several', async () => {
      expect(await resolveProgramme(sql, undefined)).toBe('ECAB');
      await projection.apply([
        event('programme-OTHER', 'OTHER', 'ProgrammeRegistered', { programmeId: 'OTHER', names: { en: 'Other' }, aliases: [], clusters: [] }),
      ]);
      await expect(resolveProgramme(sql, undefined)).rejects.toMatchObject({
        problem: { status: 400, errors: [{ pointer: '/programme', detail: 'several programmes are registered (ECAB, OTHER): say which' }] },
      });
      expect(await resolveProgramme(sql, 'OTHER')).toBe('OTHER');
    });
  });
});
