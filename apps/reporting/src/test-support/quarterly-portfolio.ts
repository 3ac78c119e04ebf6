import { coded, EventLog } from './event-log.js';

/**
 * A small portfolio for the quarterly report, 2025-Q2: two projects (ROAD in transport, shared by KZ and KG;
 * LAB in health, KZ), money in USD and KZT on both sides of the quarter and of the year, a contract award and
 * ratings of two quarters. The tests work their expected figures out of MONEY themselves. Each row of MONEY
 * is what a test sends: [project, IATI type, event type, amount, currency, date].
 */
export const MONEY = [
  ['ROAD', '11', 'AgreementCommitmentRecorded', '1000000.00', 'USD', '2025-01-10'],
  ['ROAD', '11', 'CommitmentAmended', '-100000.00', 'USD', '2025-04-02'],
  ['ROAD', '1', 'FundsReceived', '250000.00', 'USD', '2025-05-20'],
  ['ROAD', '1', 'FundsReceived', '99999.99', 'USD', '2025-07-01'],
  ['ROAD', '3', 'AgreementDisbursementRecorded', '50000.00', 'USD', '2025-06-30'],
  ['LAB', '11', 'AgreementCommitmentRecorded', '800000000', 'KZT', '2025-04-01'],
  ['LAB', '1', 'FundsReceived', '200000001', 'KZT', '2025-03-31'],
  ['LAB', '4', 'ExpenditureRecorded', '1000', 'KZT', '2024-12-31'],
] as const;
export const COUNTRIES = {
  ROAD: [
    { code: 'KZ', percentage: 59.4 },
    { code: 'KG', percentage: 40.6 },
  ],
  LAB: [{ code: 'KZ', percentage: 100 }],
};
export const CLUSTER = { ROAD: 'transport', LAB: 'health' } as const;

export function portfolio(): EventLog {
  const log = new EventLog();
  for (const id of ['ROAD', 'LAB'] as const) log.project(id, 'ProjectRegistered', { title: id, cluster: CLUSTER[id], countries: COUNTRIES[id] });
  for (const [index, [project, iati, type, amount, currency, date]] of MONEY.entries()) {
    log.agreement(project, `${project}-F1`, type, {
      transactionId: `T${index}`,
      transactionType: coded(iati, 'TransactionType'),
      amount,
      currency,
      valueDate: date,
      effectiveDate: date,
    });
  }
  log.add('ContractAwarded', 'contract-C1', 'ROAD', {
    contractId: 'C1',
    projectId: 'ROAD',
    effectiveDate: '2025-05-05',
    contractor: { name: 'Builder' },
    contractValue: { amount: '400000.00', currency: 'USD' },
    awardDate: '2025-05-05',
  });
  log.add('PerformanceRated', 'performance-ROAD-2025-Q2', 'ROAD', {
    projectId: 'ROAD',
    period: '2025-Q2',
    effectiveDate: '2025-06-30',
    overall: 'for_attention',
  });
  log.add('PerformanceRated', 'performance-LAB-2025-Q1', 'LAB', { projectId: 'LAB', period: '2025-Q1', effectiveDate: '2025-03-31', overall: 'at_risk' });
  return log;
}

/** The test's own sum over what it sent, in minor units of the currency (2 decimals for USD and KZT). */
export function sum(filter: (m: (typeof MONEY)[number]) => boolean): bigint {
  return MONEY.filter(filter).reduce((total, m) => total + BigInt(Math.round(Number(m[3]) * 100)), 0n);
}
export const cents = (minor: bigint) => (Number(minor) / 100).toFixed(2);
export const inQ2 = (date: string) => date >= '2025-04-01' && date <= '2025-06-30';
export const ytd = (date: string) => date >= '2025-01-01' && date <= '2025-06-30';
