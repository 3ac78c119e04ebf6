import { xpath } from '@ecab/testing';
import { coded, EventLog } from '../test-support/event-log.js';
import { parseQuarter, type Quarter } from './quarter.js';
import { quarterlyFigures } from './quarterly-figures.js';
import { quarterlyHtml } from './quarterly-html.js';

const Q2 = parseQuarter('2025-Q2') as Quarter;
/** What the test sends: [project, IATI type, event type, amount, currency, date]. */
const MONEY = [
  ['ROAD', '11', 'AgreementCommitmentRecorded', '1000000.00', 'USD', '2025-01-10'],
  ['ROAD', '11', 'CommitmentAmended', '-100000.00', 'USD', '2025-04-02'],
  ['ROAD', '1', 'FundsReceived', '250000.00', 'USD', '2025-05-20'],
  ['ROAD', '1', 'FundsReceived', '99999.99', 'USD', '2025-07-01'],
  ['ROAD', '3', 'AgreementDisbursementRecorded', '50000.00', 'USD', '2025-06-30'],
  ['LAB', '11', 'AgreementCommitmentRecorded', '800000000', 'KZT', '2025-04-01'],
  ['LAB', '1', 'FundsReceived', '200000001', 'KZT', '2025-03-31'],
  ['LAB', '4', 'ExpenditureRecorded', '1000', 'KZT', '2024-12-31'],
] as const;
const COUNTRIES = { ROAD: [{ code: 'KZ', percentage: 59.4 }, { code: 'KG', percentage: 40.6 }], LAB: [{ code: 'KZ', percentage: 100 }] };
const CLUSTER = { ROAD: 'transport', LAB: 'health' } as const;

function portfolio(): EventLog {
  const log = new EventLog();
  for (const id of ['ROAD', 'LAB'] as const) log.project(id, 'ProjectRegistered', { title: id, cluster: CLUSTER[id], countries: COUNTRIES[id] });
  for (const [index, [project, iati, type, amount, currency, date]] of MONEY.entries()) {
    log.agreement(project, `${project}-F1`, type, { transactionId: `T${index}`, transactionType: coded(iati, 'TransactionType'), amount, currency, valueDate: date, effectiveDate: date });
  }
  log.add('ContractAwarded', 'contract-C1', 'ROAD', { contractId: 'C1', projectId: 'ROAD', effectiveDate: '2025-05-05', contractor: { name: 'Builder' }, contractValue: { amount: '400000.00', currency: 'USD' }, awardDate: '2025-05-05' });
  log.add('PerformanceRated', 'performance-ROAD-2025-Q2', 'ROAD', { projectId: 'ROAD', period: '2025-Q2', effectiveDate: '2025-06-30', overall: 'for_attention' });
  log.add('PerformanceRated', 'performance-LAB-2025-Q1', 'LAB', { projectId: 'LAB', period: '2025-Q1', effectiveDate: '2025-03-31', overall: 'at_risk' });
  return log;
}

/** The test's own sum over what it sent, in minor units of the currency (2 decimals for USD and KZT). */
function sum(filter: (m: (typeof MONEY)[number]) => boolean): bigint {
  return MONEY.filter(filter).reduce((total, m) => total + BigInt(Math.round(Number(m[3]) * 100)), 0n);
}
const cents = (minor: bigint) => (Number(minor) / 100).toFixed(2);
const inQ2 = (date: string) => date >= '2025-04-01' && date <= '2025-06-30';
const ytd = (date: string) => date >= '2025-01-01' && date <= '2025-06-30';

describe('the quarterly portfolio report', () => {
  const byCluster = quarterlyFigures(portfolio().events, Q2, 'cluster');
  const figure = (group: string, name: string, currency: string) => byCluster.groups.find((g) => g.group === group)?.figures[name as 'spent'].find((a) => a.currency === currency);

  it('sums the quarter and the year to date per cluster and currency, equal to an independent sum of what was sent', () => {
    expect(figure('transport', 'netCommitment', 'USD')).toEqual({ currency: 'USD', quarter: cents(sum((m) => m[0] === 'ROAD' && m[1] === '11' && inQ2(m[5]))), yearToDate: cents(sum((m) => m[0] === 'ROAD' && m[1] === '11' && ytd(m[5]))) });
    expect(figure('transport', 'netCommitment', 'USD')).toEqual({ currency: 'USD', quarter: '-100000.00', yearToDate: '900000.00' });
    expect(figure('transport', 'disbursed', 'USD')).toEqual({ currency: 'USD', quarter: cents(sum((m) => m[0] === 'ROAD' && m[1] === '1' && inQ2(m[5]))), yearToDate: cents(sum((m) => m[0] === 'ROAD' && m[1] === '1' && ytd(m[5]))) });
    expect(figure('transport', 'spent', 'USD')?.quarter).toBe('50000.00');
    expect(figure('health', 'disbursed', 'KZT')).toEqual({ currency: 'KZT', quarter: '0.00', yearToDate: '200000001.00' });
    // LAB's only spending is dated 2024: nothing in the year to the quarter's end, so no row at all.
    expect(figure('health', 'spent', 'KZT')).toBeUndefined();
    expect(figure('transport', 'contractAwards', 'USD')).toEqual({ currency: 'USD', quarter: '400000.00', yearToDate: '400000.00' });
  });

  it('shares a project among its countries by percentage, and counts ratings of the quarter only', () => {
    const byCountry = quarterlyFigures(portfolio().events, Q2, 'country');
    const kz = byCountry.groups.find((g) => g.group === 'KZ');
    const kg = byCountry.groups.find((g) => g.group === 'KG');
    expect(kz?.figures.disbursed.find((a) => a.currency === 'USD')?.quarter).toBe('148500.00'); // 59.4 % of 250000.00
    expect(kg?.figures.disbursed.find((a) => a.currency === 'USD')?.quarter).toBe('101500.00');
    expect([kz?.projects, kg?.projects]).toEqual([2, 1]);
    expect(byCluster.groups.map((g) => [g.group, g.ratings])).toEqual([
      ['health', { on_track: 0, for_attention: 0, at_risk: 0 }],
      ['transport', { on_track: 0, for_attention: 1, at_risk: 0 }],
    ]);
  });

  it('renders every figure in the page, readable by its data attributes', () => {
    const html = quarterlyHtml(byCluster);
    const cell = (group: string, fig: string, currency: string, period: string) =>
      xpath(html, `string(//section[@data-group='${group}']//tr[@data-figure='${fig}' and @data-currency='${currency}']/td[@data-period='${period}'])`);
    expect(cell('transport', 'netCommitment', 'USD', 'year-to-date')).toBe('900000.00');
    expect(cell('health', 'disbursed', 'KZT', 'year-to-date')).toBe('200000001.00');
    expect(xpath(html, "string(//section[@data-group='transport']//td[@data-rating='for_attention'])")).toBe('1');
    expect(xpath(html, "string(//section[@data-group='transport']//*[@data-figure='projects'])")).toBe('1');
  });
});
