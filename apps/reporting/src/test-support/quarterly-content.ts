import { coded, type EventLog } from './event-log.js';
import { portfolio } from './quarterly-portfolio.js';

/**
 * quarterly/2's fixture: the quarterly portfolio (quarterly-portfolio.ts, unchanged, so quarterly/1's bytes stay
 * as recorded) plus what the fuller report reads, each row the data a test sends and works its expectations out of:
 * KZT rates (one corrected; none before 2025, so LAB's 2024 spending has no USD value), a cancellation, agreements
 * signed, effective, extended; milestones, governance actions, a results framework and the trade KPI.
 */
export const RATES = [
  ['KZT', '2025-01-01', '0.0021'],
  ['KZT', '2025-04-01', '0.0019'],
  ['KZT', '2025-04-01', '0.00195'], // a correction of the rate of the same day
] as const;
/** Money added to the quarterly portfolio's: [project, IATI type, event type, amount as recorded, currency, date]. */
export const EXTRA_MONEY = [['ROAD', '11', 'FundsCancelled', '50000.00', 'USD', '2025-06-15']] as const;
/** Agreement effectiveness, signing and closing: [agreement, project, effective, signed, closing, currency, signed amount]. */
export const AGREEMENTS = [
  ['ROAD-F1', 'ROAD', '2025-01-05', '2025-01-02', '2025-12-31', 'USD', '1000000.00'],
  ['ROAD-F2', 'ROAD', undefined, '2025-02-01', '2027-12-31', 'USD', '2000000.00'],
  ['LAB-F1', 'LAB', '2025-03-01', '2025-02-20', '2025-11-30', 'KZT', '800000000.00'],
] as const;
export const EXTENSIONS = [
  ['ROAD-F1', 'ROAD', '2025-05-10', '2025-12-31', '2026-12-31'],
  ['ROAD-F2', 'ROAD', '2025-08-01', '2027-12-31', '2028-06-30'], // decided after the quarter
] as const;
/** [project, milestone, baseline, rescheduled to (effective 2025-05-20), achieved on, dropped on]. */
export const MILESTONES = [
  ['ROAD', 'M1', '2025-05-31', '2025-06-15', undefined, undefined],
  ['ROAD', 'M2', '2025-06-01', undefined, '2025-06-20', undefined],
  ['LAB', 'M3', '2025-03-01', undefined, '2025-07-10', undefined],
  ['LAB', 'M4', '2025-04-01', undefined, undefined, '2025-04-15'],
  ['ROAD', 'M5', '2025-09-01', undefined, undefined, undefined],
] as const;
/** [action, due, completed on]. */
export const ACTIONS = [
  ['A1', '2025-05-31', undefined],
  ['A2', '2025-06-10', '2025-06-05'],
  ['A3', '2025-06-20', '2025-07-05'],
] as const;
/** Status changes: [project, to, effective]. */
export const STATUS = [
  ['ROAD', '2', '2025-03-01'],
  ['LAB', '2', '2025-08-01'],
] as const;
/** Trade KPI: [kind, year, value]. */
export const TRADE = [
  ['observed', 2023, '1.6'],
  ['observed', 2024, '1.9'],
  ['observed', 2025, '2.5'],
  ['target', 2030, '3.0'],
] as const;

export function contentPortfolio(): EventLog {
  const log = portfolio();
  for (const [currency, date, usdPerUnit] of RATES)
    log.add('ExchangeRateRecorded', `exchange-rates-${currency}`, currency, { currency, date, usdPerUnit, effectiveDate: date });
  for (const [project, iati, type, amount, currency, date] of EXTRA_MONEY) {
    log.agreement(project, `${project}-F1`, type, {
      transactionId: `X-${date}`,
      transactionType: coded(iati, 'TransactionType'),
      amount,
      currency,
      valueDate: date,
      effectiveDate: date,
      reason: 'savings',
    });
  }
  for (const [agreement, project, effective, signed, closing, currency, amount] of AGREEMENTS) {
    log.agreement(project, agreement, 'AgreementSigned', {
      effectiveDate: signed,
      agreementNumber: `G-${agreement}`,
      financier: { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' },
      instrument: 'grant',
      amount,
      currency,
      signedDate: signed,
      closingDate: closing,
    });
    if (effective) log.agreement(project, agreement, 'AgreementDeclaredEffective', { effectiveDate: effective, effectivenessDate: effective });
  }
  for (const [agreement, project, decided, previous, closing] of EXTENSIONS) {
    log.agreement(project, agreement, 'ClosingDateExtended', { effectiveDate: decided, previousClosingDate: previous, closingDate: closing, reason: 'delays' });
  }
  for (const [project, to, effective] of STATUS) {
    log.project(project, 'ProjectStatusChanged', { from: coded('1', 'ActivityStatus'), to: coded(to, 'ActivityStatus'), effectiveDate: effective });
  }
  for (const [project, id, baseline, rescheduled, achieved, dropped] of MILESTONES) {
    const m = (type: string, data: Record<string, unknown>) =>
      log.add(type, `milestones-${project}`, project, { projectId: project, milestoneId: id, ...data });
    m('MilestonePlanned', { effectiveDate: '2025-01-01', category: 'other', title: `Milestone ${id}`, baselineDate: baseline });
    if (rescheduled)
      m('MilestoneRescheduled', { effectiveDate: '2025-05-20', previousDate: baseline, newDate: rescheduled, reason: 'weather', slippageDays: 15 });
    if (achieved) m('MilestoneAchieved', { effectiveDate: achieved, actualDate: achieved, slippageDays: 0 });
    if (dropped) m('MilestoneDropped', { effectiveDate: dropped, reason: 'no longer needed' });
  }
  const programme = (type: string, data: Record<string, unknown>) => log.add(type, 'programme-ECAB', 'ECAB', { programmeId: 'ECAB', ...data });
  programme('GovernanceMeetingRecorded', {
    effectiveDate: '2025-03-10',
    meetingId: 'IGC-12',
    body: 'intergovernmental-council',
    bodyName: 'Intergovernmental Council',
    date: '2025-03-10',
    place: 'Bishkek',
    decisions: [{ decisionId: 'D1', text: 'Prepare the road study', kind: 'instruction' }],
  });
  for (const [action, due, completed] of ACTIONS) {
    programme('DecisionActionAssigned', {
      effectiveDate: '2025-03-10',
      decisionId: 'D1',
      actionId: action,
      description: `Action ${action}`,
      owner: { name: 'Ministry of Transport' },
      dueDate: due,
    });
    if (completed) programme('DecisionActionCompleted', { effectiveDate: completed, decisionId: 'D1', actionId: action, completionDate: completed });
  }
  for (const [kind, year, value] of TRADE) {
    programme(kind === 'target' ? 'ProgrammeTargetSet' : 'ProgrammeKpiObserved', {
      effectiveDate: '2025-01-01',
      kpi: 'bilateral-trade',
      unit: 'USD bn',
      year,
      value,
      source: { citation: 'test', confidence: 'confirmed' },
    });
  }
  const r = (type: string, data: Record<string, unknown>) => log.results(data.projectId as string, type, data);
  r('ResultDefined', { projectId: 'ROAD', resultId: 'R1', resultType: coded('1', 'ResultType'), title: 'Studies done' });
  r('IndicatorDefined', {
    projectId: 'ROAD',
    resultId: 'R1',
    indicatorId: 'I1',
    title: 'Studies approved',
    measure: coded('1', 'IndicatorMeasure'),
    ascending: true,
    unit: 'studies',
  });
  r('BaselineSet', { projectId: 'ROAD', indicatorId: 'I1', year: 2024, value: '0' });
  r('TargetSet', { projectId: 'ROAD', indicatorId: 'I1', period: { start: '2026-01-01', end: '2026-12-31' }, value: '10' });
  const q = (start: string, end: string) => ({ start, end });
  r('ActualReported', { projectId: 'ROAD', indicatorId: 'I1', period: q('2025-01-01', '2025-03-31'), value: '2' });
  r('ActualVerified', { projectId: 'ROAD', indicatorId: 'I1', period: q('2025-01-01', '2025-03-31'), value: '2' });
  r('ActualReported', { projectId: 'ROAD', indicatorId: 'I1', period: q('2025-04-01', '2025-06-30'), value: '4' });
  r('ActualReported', { projectId: 'ROAD', indicatorId: 'I1', period: q('2025-07-01', '2025-09-30'), value: '9' });
  r('ResultDefined', { projectId: 'LAB', resultId: 'R2', resultType: coded('2', 'ResultType'), title: 'Cleaner air' });
  r('IndicatorDefined', {
    projectId: 'LAB',
    resultId: 'R2',
    indicatorId: 'I2',
    title: 'Winter PM2.5',
    measure: coded('1', 'IndicatorMeasure'),
    ascending: false,
    unit: 'µg/m³',
  });
  r('BaselineSet', { projectId: 'LAB', indicatorId: 'I2', year: 2024, value: '50' });
  r('TargetSet', { projectId: 'LAB', indicatorId: 'I2', period: { start: '2027-01-01', end: '2027-12-31' }, value: '30' });
  r('ActualReported', { projectId: 'LAB', indicatorId: 'I2', period: q('2025-01-01', '2025-03-31'), value: '45' });
  r('ActualVerified', { projectId: 'LAB', indicatorId: 'I2', period: q('2025-01-01', '2025-03-31'), value: '45' });
  r('ActualRejected', { projectId: 'LAB', indicatorId: 'I2', period: q('2025-04-01', '2025-06-30'), value: '20', reason: 'sensor fault' });
  return log;
}
