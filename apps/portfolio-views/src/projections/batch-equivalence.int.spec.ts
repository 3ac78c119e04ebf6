import type { PortfolioEvent } from '@ecab/contracts';
import fc from 'fast-check';
import { createViewsTestDatabase, type ViewsTestDatabase } from '../test-support/views-test-database.js';
import { PortfolioProjection } from './portfolio-projection.js';
import { VIEW_FAMILIES } from './view-families.js';
import { ViewGenerations } from './view-generations.js';
import { comparableRows } from '../test-support/striped-totals.js';
import { laneSlices } from './lanes.js';

/**
 * The families change rows in memory for a whole batch and write them back once: applying a history in
 * batches of any size must leave exactly the tables that applying it one event at a time leaves. The
 * history below makes several events of one batch meet on one row (totals, a reversal of a movement of
 * the same batch, a rating corrected, targets and actuals replaced, a milestone rescheduled then reached).
 */
let sequence = 0;
const versions = new Map<string, number>();
function on(streamId: string, subject: string, type: string, data: Record<string, unknown>): PortfolioEvent {
  sequence += 1;
  const streamVersion = (versions.get(streamId) ?? 0) + 1;
  versions.set(streamId, streamVersion);
  const second = String(sequence % 60).padStart(2, '0');
  return {
    eventId: `20000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    streamId,
    streamVersion,
    subject,
    cluster: 'transport',
    time: `2026-11-26T09:${String(Math.floor(sequence / 60)).padStart(2, '0')}:${second}.000Z`,
    actor: 'pm',
    data,
  };
}

const ADB = { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' };
const code = (c: string, codelist: string) => ({ code: c, codelist, version: '2.03' });

function projectHistory(p: string): PortfolioEvent[] {
  const agreement = `${p}-L`;
  const tx = (type: string, transactionId: string, amount: string, valueDate: string, transactionCode: string) =>
    on(`agreement-${agreement}`, p, type, {
      agreementId: agreement,
      projectId: p,
      effectiveDate: valueDate,
      transactionId,
      transactionType: code(transactionCode, 'TransactionType'),
      amount,
      currency: 'USD',
      valueDate,
    });
  const milestone = (type: string, data: Record<string, unknown>) => on(`milestones-${p}`, p, type, { projectId: p, ...data });
  const results = (type: string, data: Record<string, unknown>) => on(`results-${p}`, p, type, { projectId: p, ...data });
  const review = (period: string, type: string, data: Record<string, unknown>) =>
    on(`performance-${p}-${period}`, p, type, { projectId: p, period, effectiveDate: '2026-04-10', ...data });
  const year = (y: number) => ({ start: `${y}-01-01`, end: `${y}-12-31` });
  return [
    on(`project-${p}`, p, 'ProjectRegistered', { projectId: p, title: `Road ${p}`, cluster: 'transport', countries: [{ code: 'KZ', percentage: 100 }] }),
    on(`project-${p}`, p, 'ProjectTitlesSet', { projectId: p, titles: { en: `Road ${p}`, ru: `Дорога ${p}` } }),
    on(`project-${p}`, p, 'ProjectDateRecorded', { projectId: p, dateType: code('1', 'ActivityDateType'), date: '2025-01-15' }),
    on(`project-${p}`, p, 'ProjectStatusChanged', { projectId: p, to: code('2', 'ActivityStatus'), stage: 'implementation' }),
    on(`agreement-${agreement}`, p, 'AgreementSigned', {
      agreementId: agreement,
      projectId: p,
      agreementNumber: 'L-1',
      financier: ADB,
      instrument: 'loan',
      amount: '1000.00',
      currency: 'USD',
      signedDate: '2025-03-14',
      closingDate: '2027-06-30',
    }),
    on(`agreement-${agreement}`, p, 'AgreementDeclaredEffective', { agreementId: agreement, projectId: p, effectivenessDate: '2025-06-01' }),
    tx('AgreementCommitmentRecorded', 't1', '1000.00', '2025-03-14', '11'),
    tx('CommitmentAmended', 't2', '-100.50', '2025-09-01', '11'),
    tx('FundsReceived', 't3', '400.25', '2025-07-01', '1'),
    tx('AgreementDisbursementRecorded', 't4', '300', '2025-08-01', '3'),
    on(`agreement-${agreement}`, p, 'TransactionReversed', {
      agreementId: agreement,
      projectId: p,
      effectiveDate: '2025-11-10',
      transactionId: 't3',
      reversedEventType: 'FundsReceived',
      amount: '400.25',
      currency: 'USD',
      reasonCode: 'DATA_ENTRY_ERROR',
    }),
    tx('FundsReceived', 't5', '0.75', '2026-01-01', '1'),
    tx('FundsCancelled', 't6', '10', '2026-02-10', '11'),
    on(`agreement-${agreement}`, p, 'ClosingDateExtended', {
      agreementId: agreement,
      projectId: p,
      previousClosingDate: '2027-06-30',
      closingDate: '2028-06-30',
      reason: 'delays',
    }),
    on(`agreement-${agreement}`, p, 'PlannedDisbursementScheduled', {
      agreementId: agreement,
      projectId: p,
      plannedDisbursementId: 'pd1',
      period: { start: '2025-07-01', end: '2025-09-30' },
      amount: '300.00',
      currency: 'USD',
    }),
    on(`agreement-${agreement}`, p, 'PlannedDisbursementScheduled', {
      agreementId: agreement,
      projectId: p,
      plannedDisbursementId: 'pd1',
      period: { start: '2025-10-01', end: '2025-12-31' },
      amount: '350.00',
      currency: 'USD',
    }),
    on(`project-${p}`, p, 'CommitmentRecorded', {
      projectId: p,
      commitmentId: 'c1',
      financier: 'XM-DAC-44000',
      amount: '70.00',
      currency: 'EUR',
      valueDate: '2025-05-05',
    }),
    on(`project-${p}`, p, 'DisbursementRecorded', {
      projectId: p,
      disbursementId: 'd1',
      financier: 'XM-DAC-44000',
      amount: '20.00',
      currency: 'EUR',
      valueDate: '2025-04-01',
    }),
    on(`contract-${p}-C`, p, 'ProcurementPackagePlanned', {
      contractId: `${p}-C`,
      projectId: p,
      title: 'Civil works',
      method: 'ICB',
      estimatedValue: { amount: '2000.00', currency: 'USD' },
      plannedAwardDate: '2025-10-01',
    }),
    on(`contract-${p}-C`, p, 'ContractAwarded', {
      contractId: `${p}-C`,
      projectId: p,
      contractor: { name: 'Builder LLP' },
      contractValue: { amount: '600.00', currency: 'USD' },
      awardDate: '2025-10-15',
    }),
    on(`contract-${p}-C`, p, 'ContractVariationApproved', {
      contractId: `${p}-C`,
      projectId: p,
      effectiveDate: '2026-02-01',
      variationId: 'v1',
      amountDelta: { amount: '-50.00', currency: 'USD' },
      contractValue: { amount: '550.00', currency: 'USD' },
    }),
    milestone('MilestonePlanned', { milestoneId: 'M1', category: 'signing', baselineDate: '2025-03-31' }),
    milestone('MilestoneRescheduled', { milestoneId: 'M1', newDate: '2025-05-15', reason: 'late' }),
    milestone('MilestoneAchieved', { milestoneId: 'M1', actualDate: '2025-05-20' }),
    milestone('MilestonePlanned', { milestoneId: 'M2', category: 'other', title: 'Tender', baselineDate: '2025-06-30' }),
    milestone('MilestoneRescheduled', { milestoneId: 'M2', newDate: '2025-06-01' }),
    milestone('MilestoneDropped', { milestoneId: 'M2', reason: 'not needed', effectiveDate: '2025-06-02' }),
    results('ResultDefined', { resultId: 'R1', resultType: code('1', 'ResultType'), title: 'Output' }),
    results('IndicatorDefined', {
      resultId: 'R1',
      indicatorId: 'I1',
      title: 'Trucks',
      measure: code('1', 'IndicatorMeasure'),
      ascending: true,
      unit: 'trucks',
    }),
    results('BaselineSet', { indicatorId: 'I1', year: 2024, value: '100' }),
    results('TargetSet', { indicatorId: 'I1', period: year(2028), value: '300' }),
    results('TargetSet', { indicatorId: 'I1', period: year(2026), value: '200' }),
    results('ActualReported', { indicatorId: 'I1', period: year(2025), value: '180' }),
    results('ActualVerified', { indicatorId: 'I1', period: year(2024), value: '150' }),
    results('ActualReported', { indicatorId: 'I1', period: year(2026), value: '190' }),
    results('ActualRejected', { indicatorId: 'I1', period: year(2026), value: '190', reason: 'unsourced' }),
    review('2026-Q1', 'PerformanceRated', { overall: 'on-track', ratings: { disbursement: 'on-track' }, rationale: 'fine' }),
    review('2026-Q1', 'RiskRegistered', { riskId: 'K1', description: 'Floods', likelihood: 'high', impact: 'medium', mitigation: 'Drainage' }),
    review('2026-Q1', 'IssueRaised', { issueId: 'S1', description: 'Land' }),
    review('2026-Q1', 'IssueResolved', { issueId: 'S1', resolution: 'Allocated' }),
    review('2026-Q2', 'PerformanceRated', { overall: 'for-attention', ratings: { disbursement: 'for-attention' } }),
    review('2026-Q1', 'PerformanceRated', { overall: 'at-risk', ratings: { disbursement: 'at-risk' }, correctionReason: 'recomputed' }),
  ];
}

/** Two projects' histories interleaved, so a batch holds both. */
function history(): PortfolioEvent[] {
  const a = projectHistory('EQ-1');
  const b = projectHistory('EQ-2');
  const all: PortfolioEvent[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) all.push(...[a[i], b[i]].filter((e): e is PortfolioEvent => e !== undefined));
  return all;
}

describe('applying in batches leaves the same tables as applying one event at a time (real PostgreSQL)', () => {
  let views: ViewsTestDatabase;
  let generations: ViewGenerations;
  const events = history();
  const tables = VIEW_FAMILIES.flatMap((f) => f.tables.map((t) => t.name));

  beforeAll(async () => {
    views = await createViewsTestDatabase('views_batch_equivalence');
    generations = new ViewGenerations(views.dataSource, VIEW_FAMILIES);
  });
  afterAll(async () => views?.drop());

  /** `lanes`: each batch applied in that many concurrent transactions (PortfolioProjection#applyInLanes), as a replay does. */
  async function applyInChunks(sizes: readonly number[], lanes = 0): Promise<Record<string, unknown[]>> {
    const { schema } = await generations.create();
    const projection = new PortfolioProjection(views.dataSource, VIEW_FAMILIES, schema);
    const apply = (batch: PortfolioEvent[]) => (lanes === 0 ? projection.apply(batch) : projection.applyInLanes(batch, lanes));
    let at = 0;
    for (const size of sizes) {
      if (at >= events.length) break;
      await apply(events.slice(at, at + size));
      at += size;
    }
    if (at < events.length) await apply(events.slice(at));
    const dump: Record<string, unknown[]> = {};
    for (const table of tables)
      dump[table] = await views.dataSource.query(`select to_jsonb(t) as row from (${comparableRows(schema, table)}) t order by to_jsonb(t)::text`);
    await generations.drop(schema);
    return dump;
  }

  it('for any split of the history into batches', async () => {
    const oneByOne = await applyInChunks(events.map(() => 1));
    // The history reached every table it was written for (so the comparison below compares something).
    const filled = Object.entries(oneByOne)
      .filter(([, rows]) => rows.length > 0)
      .map(([table]) => table);
    expect(filled.sort()).toEqual(
      [
        'agreement_view',
        'cluster_money',
        'cluster_projects',
        'contract_view',
        'indicator_actual',
        'indicator_target',
        'indicator_view',
        'milestone_view',
        'money_movement',
        'money_quarter',
        'performance_rating',
        'planned_disbursement',
        'project_activity',
        'project_issue',
        'project_money',
        'project_risk',
        'project_summary',
        'result_view',
      ].sort(),
    );
    expect(oneByOne.money_movement).toHaveLength(2 * 11);
    expect(await applyInChunks([events.length])).toEqual(oneByOne);
    // The two projects are in different lanes of two, so those transactions do run at once.
    expect(laneSlices(events, 2)).toHaveLength(2);
    expect(await applyInChunks([events.length], 2)).toEqual(oneByOne);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 3 }), async (sizes, lanes) => {
        expect(await applyInChunks(sizes, lanes)).toEqual(oneByOne);
      }),
      { numRuns: 8 },
    );
  });
});
