import { agreementCommand, agreementEvent, agreementSigned, givenAgreement as given } from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();

describe('reversals and planned disbursements', () => {
  it('remembers each scheduled id', () => {
    const plan = (plannedDisbursementId: string) =>
      agreementCommand('SchedulePlannedDisbursement', {
        plannedDisbursementId,
        period: { start: '2027-01-01', end: '2027-12-31' },
        amount: '1',
        currency: 'USD',
      });
    const first = agreementEvent('PlannedDisbursementScheduled', {
      plannedDisbursementId: 'PD-1',
      period: { start: '2027-01-01', end: '2027-12-31' },
      amount: '1.00',
      currency: 'USD',
    });
    const second = agreementEvent('PlannedDisbursementScheduled', {
      plannedDisbursementId: 'PD-2',
      period: { start: '2027-01-01', end: '2027-12-31' },
      amount: '1.00',
      currency: 'USD',
    });
    given([signed, first, second]).when(plan('PD-1')).thenThrows('DUPLICATE_PLANNED_DISBURSEMENT_ID');
    given([signed, first, second]).when(plan('PD-2')).thenThrows('DUPLICATE_PLANNED_DISBURSEMENT_ID');
    given([signed]).when(plan(' ')).thenThrows('IDENTIFIER_INVALID', { field: 'plannedDisbursementId' });
  });
});

describe('transaction refusals', () => {
  it('names the planned disbursement id used before', () => {
    const scheduled = agreementEvent('PlannedDisbursementScheduled', {
      plannedDisbursementId: 'PD-2027',
      period: { start: '2027-01-01', end: '2027-12-31' },
      amount: '1.00',
      currency: 'USD',
    });
    given([signed, scheduled])
      .when(
        agreementCommand('SchedulePlannedDisbursement', {
          plannedDisbursementId: 'PD-2027',
          period: { start: '2028-01-01', end: '2028-12-31' },
          amount: '1',
          currency: 'USD',
        }),
      )
      .thenThrows('DUPLICATE_PLANNED_DISBURSEMENT_ID', {
        message: 'Planned disbursement PD-2027 already exists',
        details: { plannedDisbursementId: 'PD-2027' },
      });
  });
});

describe('ExtendClosingDate and SchedulePlannedDisbursement', () => {
  const plan = (period: { start: string; end: string }, plannedDisbursementId = 'PD-2027') =>
    agreementCommand('SchedulePlannedDisbursement', { plannedDisbursementId, period, amount: '6000000', currency: 'USD' });

  it('schedules a planned disbursement for a future period of at most a year', () => {
    given([signed])
      .when(plan({ start: '2027-01-01', end: '2027-12-31' }))
      .then([
        agreementEvent('PlannedDisbursementScheduled', {
          effectiveDate: '2026-11-26',
          plannedDisbursementId: 'PD-2027',
          period: { start: '2027-01-01', end: '2027-12-31' },
          amount: '6000000.00',
          currency: 'USD',
        }),
      ]);
  });

  it('rejects a period longer than a year, ending before it starts, or an id used before', () => {
    given([signed])
      .when(plan({ start: '2027-01-01', end: '2028-01-01' }))
      .thenThrows('PERIOD_LONGER_THAN_A_YEAR');
    given([signed])
      .when(plan({ start: '2027-01-01', end: '2026-12-31' }))
      .thenThrows('PERIOD_END_BEFORE_START');
    const scheduled = agreementEvent('PlannedDisbursementScheduled', {
      plannedDisbursementId: 'PD-2027',
      period: { start: '2027-01-01', end: '2027-12-31' },
      amount: '1.00',
      currency: 'USD',
    });
    given([signed, scheduled])
      .when(plan({ start: '2028-01-01', end: '2028-12-31' }))
      .thenThrows('DUPLICATE_PLANNED_DISBURSEMENT_ID');
  });
});
