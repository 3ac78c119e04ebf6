import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { coded, projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();

describe('RecordBudget', () => {
  const budget2026 = {
    budgetId: 'B-2026',
    budgetType: '1',
    budgetStatus: '2',
    period: { start: '2026-01-01', end: '2026-12-31' },
    amount: '1500000',
    currency: 'USD',
  };
  const recorded = (extra: Record<string, unknown> = {}) =>
    projectEvent('BudgetRecorded', {
      budgetId: 'B-2026',
      budgetType: coded('BudgetType', '1'),
      budgetStatus: coded('BudgetStatus', '2'),
      period: { start: '2026-01-01', end: '2026-12-31' },
      amount: '1500000.00',
      currency: 'USD',
      valueDate: '2026-01-01',
      ...extra,
    });

  it("records a budget with the currency's decimals, valued at the period's start unless told", () => {
    given([registered]).when(projectCommand('RecordBudget', budget2026)).then([recorded()]);
    given([registered])
      .when(projectCommand('RecordBudget', { ...budget2026, valueDate: '2025-12-15', source: { citation: 'ADB project page', confidence: 'confirmed' } }))
      .then([recorded({ valueDate: '2025-12-15', source: { citation: 'ADB project page', confidence: 'confirmed' } })]);
  });

  it('rejects the same budget id twice', () => {
    given([registered, recorded()])
      .when(projectCommand('RecordBudget', { ...budget2026, period: { start: '2027-01-01', end: '2027-12-31' } }))
      .thenThrows('DUPLICATE_BUDGET_ID', { message: 'Budget B-2026 is already recorded', details: { budgetId: 'B-2026' } });
    given([registered])
      .when(projectCommand('RecordBudget', { ...budget2026, budgetId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'budgetId' });
  });

  it('takes its type and status from the IATI code lists', () => {
    given([registered])
      .when(projectCommand('RecordBudget', { ...budget2026, budgetType: '3' }))
      .thenThrows('CODE_NOT_IN_LIST', { field: 'budgetType' });
    given([registered])
      .when(projectCommand('RecordBudget', { ...budget2026, budgetStatus: '0' }))
      .thenThrows('CODE_NOT_IN_LIST', { field: 'budgetStatus' });
  });

  it('keeps a period to at most one year, starting before it ends', () => {
    given([registered])
      .when(projectCommand('RecordBudget', { ...budget2026, period: { start: '2026-01-01', end: '2027-01-01' } }))
      .thenThrows('PERIOD_LONGER_THAN_A_YEAR');
    given([registered])
      .when(projectCommand('RecordBudget', { ...budget2026, period: { start: '2026-06-01', end: '2026-05-31' } }))
      .thenThrows('PERIOD_END_BEFORE_START');
    given([registered])
      .when(projectCommand('RecordBudget', { ...budget2026, period: { start: '2026-06-01', end: '2026-06-01' } }))
      .thenThrows('BUDGET_START_NOT_BEFORE_END', {
        message: 'A budget period starts before it ends (2026-06-01/2026-06-01)',
        details: { budgetId: 'B-2026', start: '2026-06-01', end: '2026-06-01' },
      });
    given([registered])
      .when(projectCommand('RecordBudget', { ...budget2026, period: { start: '2026-06-01', end: '2026-06-02' } }))
      .then([recorded({ period: { start: '2026-06-01', end: '2026-06-02' }, valueDate: '2026-06-01' })]);
  });

  it('refuses a budget overlapping another of the same type, and takes one of the other type or the next period', () => {
    const mid = { start: '2026-07-01', end: '2027-06-30' };
    given([registered, recorded()])
      .when(projectCommand('RecordBudget', { ...budget2026, budgetId: 'B-MID', period: mid }))
      .thenThrows('BUDGETS_OVERLAP', {
        message: 'Budget B-MID (2026-07-01/2027-06-30) overlaps budget B-2026 (2026-01-01/2026-12-31) of the same type 1',
        details: { budgetId: 'B-MID', budgetType: '1', overlaps: 'B-2026' },
      });
    given([registered, recorded()])
      .when(projectCommand('RecordBudget', { ...budget2026, budgetId: 'B-EDGE', period: { start: '2025-01-02', end: '2026-01-01' } }))
      .thenThrows('BUDGETS_OVERLAP');
    given([registered, recorded()])
      .when(projectCommand('RecordBudget', { ...budget2026, budgetId: 'B-REV', budgetType: '2' }))
      .then([recorded({ budgetId: 'B-REV', budgetType: coded('BudgetType', '2') })]);
    given([registered, recorded()])
      .when(projectCommand('RecordBudget', { ...budget2026, budgetId: 'B-2027', period: { start: '2027-01-01', end: '2027-12-31' } }))
      .then([recorded({ budgetId: 'B-2027', period: { start: '2027-01-01', end: '2027-12-31' }, valueDate: '2027-01-01' })]);
  });

  it('reads the amount by the money rules and the value date as a calendar date', () => {
    given([registered])
      .when(projectCommand('RecordBudget', { ...budget2026, amount: '0' }))
      .thenThrows('AMOUNT_NOT_POSITIVE');
    given([registered])
      .when(projectCommand('RecordBudget', { ...budget2026, valueDate: '2026-02-30' }))
      .thenThrows('DATE_INVALID', { field: 'valueDate' });
  });
});
