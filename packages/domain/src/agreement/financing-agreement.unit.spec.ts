import { agreementStreamId } from './stream.js';
import {
  AGREEMENT_ID,
  agreementCommand,
  agreementEvent,
  agreementSigned,
  committed,
  declaredEffective,
  givenAgreement as given,
  signAgreement,
  transaction,
} from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();
const effective = [signed, committed(), declaredEffective];
const tx = (amount: string, extra: object = {}) => ({ transactionId: 'T-1', amount, currency: 'USD', valueDate: '2025-07-01', ...extra });

describe('SignAgreement', () => {
  it('signs an ADF grant with its IATI finance, flow and aid types', () => {
    given([]).when(signAgreement()).then([signed]);
  });
  it('signs a TA grant (110 + D02) and a concessional loan (421)', () => {
    given([])
      .when(signAgreement({ instrument: 'ta', aidType: 'D02' }))
      .then([agreementSigned({ instrument: 'ta', aidType: { code: 'D02', codelist: 'AidType', version: '2.03' } })]);
    given([])
      .when(signAgreement({ instrument: 'loan', financeType: '421' }))
      .then([agreementSigned({ instrument: 'loan', financeType: { code: '421', codelist: 'FinanceType', version: '2.03' } })]);
  });
  it('rejects signing twice', () => {
    given([signed]).when(signAgreement()).thenThrows('AGREEMENT_ALREADY_SIGNED');
  });
  it('rejects an unknown instrument, and codes that contradict the instrument', () => {
    given([])
      .when(signAgreement({ instrument: 'bond' }))
      .thenThrows('UNKNOWN_INSTRUMENT');
    given([])
      .when(signAgreement({ instrument: 'loan' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH');
    given([])
      .when(signAgreement({ instrument: 'ta' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH');
  });
  it.each([
    ['financeType', '410'],
    ['flowType', '30'],
    ['aidType', 'A01'],
  ])('rejects %s %s', (field, value) => {
    given([])
      .when(signAgreement({ [field]: value }))
      .thenThrows('CODE_NOT_IN_LIST');
  });
  it('rejects a signing date in the future and a closing date not after signing', () => {
    given([])
      .when(signAgreement({ signedDate: '2026-12-01', closingDate: '2030-01-01' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
    given([])
      .when(signAgreement({ closingDate: '2025-03-14' }))
      .thenThrows('CLOSING_DATE_NOT_AFTER_SIGNING');
  });
  it('rejects a financier with neither id nor name, and a bad amount', () => {
    given([])
      .when(signAgreement({ financier: {} }))
      .thenThrows('ORGANISATION_REFERENCE_REQUIRED');
    given([])
      .when(signAgreement({ amount: '1,000' }))
      .thenThrows('AMOUNT_MALFORMED');
  });
  it('lives in the stream agreement-<id>', () => {
    expect(agreementStreamId(AGREEMENT_ID)).toBe('agreement-ADB-G0900-KGZ');
  });
});

describe('DeclareAgreementEffective', () => {
  it('declares the agreement effective on a date after signing', () => {
    given([signed])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-06-01' }))
      .then([declaredEffective]);
  });
  it('rejects an unsigned agreement, a second declaration, a date before signing or in the future', () => {
    given([])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-06-01' }))
      .thenThrows('AGREEMENT_NOT_FOUND');
    given([signed, declaredEffective])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-06-02' }))
      .thenThrows('AGREEMENT_ALREADY_EFFECTIVE');
    given([signed])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-03-13' }))
      .thenThrows('EFFECTIVENESS_BEFORE_SIGNING');
    given([signed])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2026-11-27' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
  });
});

describe('RecordAgreementCommitment, AmendCommitment, CancelFunds', () => {
  it('records a commitment (IATI 11) effective on its value date', () => {
    given([signed])
      .when(agreementCommand('RecordAgreementCommitment', { ...tx('24000000'), transactionId: 'C-1', valueDate: '2025-03-14' }))
      .then([committed()]);
  });
  it('rejects a transaction id used before and a value date in the future', () => {
    given([signed, committed()])
      .when(agreementCommand('RecordAgreementCommitment', tx('1', { transactionId: 'C-1' })))
      .thenThrows('DUPLICATE_TRANSACTION_ID');
    given([signed])
      .when(agreementCommand('RecordAgreementCommitment', tx('1', { valueDate: '2026-11-27' })))
      .thenThrows('VALUE_DATE_IN_FUTURE');
  });
  it('rejects a currency withdrawn from the code list', () => {
    given([signed])
      .when(agreementCommand('RecordAgreementCommitment', tx('1', { currency: 'VEF' })))
      .thenThrows('CURRENCY_WITHDRAWN', {
        message: 'VEF has been withdrawn from the currency code list',
        details: { currency: 'VEF' },
      });
  });
  it('amends up or down, storing the signed change and its reason', () => {
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1000000'), change: 'decrease', reason: 'Scope reduced' }))
      .then([transaction('CommitmentAmended', '11', 'T-1', '-1000000.00', '2025-07-01', { reason: 'Scope reduced' })]);
  });
  it('rejects an amendment without a commitment, without a reason, or with an unknown direction', () => {
    given([signed])
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'increase', reason: 'x' }))
      .thenThrows('NO_COMMITMENT_TO_AMEND');
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'increase', reason: ' ' }))
      .thenThrows('REASON_REQUIRED');
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'sideways' as never, reason: 'x' }))
      .thenThrows('AMENDMENT_DIRECTION_INVALID');
  });
  it('cancels undisbursed funds, stored as the positive cancelled amount', () => {
    given(effective)
      .when(agreementCommand('CancelFunds', { ...tx('4000000'), reason: 'Savings at closing' }))
      .then([transaction('FundsCancelled', '11', 'T-1', '4000000.00', '2025-07-01', { reason: 'Savings at closing' })]);
  });
  it('rejects cancelling or reducing below what was already disbursed', () => {
    const disbursedMost = [...effective, transaction('FundsReceived', '1', 'R-1', '20000000.00')];
    const violation = given(disbursedMost)
      .when(agreementCommand('CancelFunds', { ...tx('4000000.01'), reason: 'x' }))
      .thenThrows('COMMITMENT_BELOW_DISBURSED');
    expect(violation.details).toEqual({ currency: 'USD', netCommitment: '19999999.99', fundsReceived: '20000000.00', payments: '0.00' });
    given(disbursedMost)
      .when(agreementCommand('AmendCommitment', { ...tx('4000001'), change: 'decrease', reason: 'x' }))
      .thenThrows('COMMITMENT_BELOW_DISBURSED');
  });
});

describe('RecordFundsReceived, RecordAgreementDisbursement, RecordExpenditure', () => {
  it('records funds received (IATI 1) up to the net commitment', () => {
    given(effective)
      .when(agreementCommand('RecordFundsReceived', tx('24000000')))
      .then([transaction('FundsReceived', '1', 'T-1', '24000000.00')]);
  });
  it('rejects funds beyond the net commitment, counting amendments and cancellations, per currency', () => {
    const reduced = [...effective, transaction('FundsCancelled', '11', 'X-1', '4000000.00', '2025-06-15', { reason: 'x' })];
    given(reduced)
      .when(agreementCommand('RecordFundsReceived', tx('20000000.01')))
      .thenThrows('FUNDS_RECEIVED_EXCEED_COMMITMENT');
    given(effective)
      .when(agreementCommand('RecordFundsReceived', tx('1', { currency: 'KGS' })))
      .thenThrows('FUNDS_RECEIVED_EXCEED_COMMITMENT');
  });
  it('rejects money movements before effectiveness', () => {
    given([signed, committed()])
      .when(agreementCommand('RecordFundsReceived', tx('1')))
      .thenThrows('AGREEMENT_NOT_EFFECTIVE');
    given([signed, committed()])
      .when(agreementCommand('RecordAgreementDisbursement', tx('1')))
      .thenThrows('AGREEMENT_NOT_EFFECTIVE');
    given([signed, committed()])
      .when(agreementCommand('RecordExpenditure', tx('1')))
      .thenThrows('AGREEMENT_NOT_EFFECTIVE');
  });
  it('records a disbursement (3) to a contractor and an expenditure (4)', () => {
    const receiver = { name: 'Contractor LLC' };
    given(effective)
      .when(agreementCommand('RecordAgreementDisbursement', { ...tx('100'), receiver }))
      .then([transaction('AgreementDisbursementRecorded', '3', 'T-1', '100.00', '2025-07-01', { receiver })]);
    given(effective)
      .when(agreementCommand('RecordExpenditure', tx('50')))
      .then([transaction('ExpenditureRecorded', '4', 'T-1', '50.00')]);
  });
  it('rejects payments (3 + 4) beyond the net commitment', () => {
    const paid = [...effective, transaction('AgreementDisbursementRecorded', '3', 'P-1', '23000000.00')];
    given(paid)
      .when(agreementCommand('RecordExpenditure', tx('1000000.01')))
      .thenThrows('PAYMENTS_EXCEED_COMMITMENT');
  });
});

describe('ReverseTransaction', () => {
  const source = { citation: 'ADB LFIS statement, Jul 2025', confidence: 'confirmed' as const };
  const received = transaction('FundsReceived', '1', 'R-1', '500000.00');
  const reverse = (transactionId: string, extra: object = {}) =>
    agreementCommand('ReverseTransaction', { transactionId, reasonCode: 'DATA_ENTRY_ERROR', source, ...extra });
  it('reverses a transaction in full, with its reason code and source', () => {
    given([...effective, received])
      .when(reverse('R-1'))
      .then([
        agreementEvent('TransactionReversed', {
          effectiveDate: '2026-11-26',
          transactionId: 'R-1',
          reversedEventType: 'FundsReceived',
          amount: '500000.00',
          currency: 'USD',
          reasonCode: 'DATA_ENTRY_ERROR',
          source,
        }),
      ]);
  });
  it('frees the reversed amount: the corrected figure can be recorded anew', () => {
    const full = [...effective, transaction('FundsReceived', '1', 'R-1', '24000000.00')];
    given(full)
      .when(agreementCommand('RecordFundsReceived', tx('1')))
      .thenThrows('FUNDS_RECEIVED_EXCEED_COMMITMENT');
    const reversed = agreementEvent('TransactionReversed', {
      transactionId: 'R-1',
      reversedEventType: 'FundsReceived',
      amount: '24000000.00',
      currency: 'USD',
      reasonCode: 'SOURCE_CORRECTION',
      source,
    });
    given([...full, reversed])
      .when(agreementCommand('RecordFundsReceived', tx('2400000')))
      .then([transaction('FundsReceived', '1', 'T-1', '2400000.00')]);
  });
  it('rejects reversing an unknown transaction, or one already reversed', () => {
    given(effective).when(reverse('NOPE')).thenThrows('TRANSACTION_NOT_FOUND');
    const reversed = agreementEvent('TransactionReversed', {
      transactionId: 'R-1',
      reversedEventType: 'FundsReceived',
      amount: '500000.00',
      currency: 'USD',
      reasonCode: 'SOURCE_CORRECTION',
      source,
    });
    given([...effective, received, reversed])
      .when(reverse('R-1'))
      .thenThrows('TRANSACTION_ALREADY_REVERSED');
  });
  it('rejects an unknown reason code and a source without citation', () => {
    given([...effective, received])
      .when(reverse('R-1', { reasonCode: 'OOPS' }))
      .thenThrows('UNKNOWN_REVERSAL_REASON');
    given([...effective, received])
      .when(reverse('R-1', { source: { citation: '', confidence: 'confirmed' } }))
      .thenThrows('SOURCE_CITATION_REQUIRED');
  });
  it('rejects reversing a commitment that money was already released against', () => {
    given([...effective, received])
      .when(reverse('C-1'))
      .thenThrows('COMMITMENT_BELOW_DISBURSED');
  });
});

describe('ExtendClosingDate and SchedulePlannedDisbursement', () => {
  it('extends the closing date with a reason', () => {
    given([signed])
      .when(agreementCommand('ExtendClosingDate', { closingDate: '2030-06-30', reason: 'Civil works delayed' }))
      .then([
        agreementEvent('ClosingDateExtended', {
          effectiveDate: '2026-11-26',
          previousClosingDate: '2029-12-31',
          closingDate: '2030-06-30',
          reason: 'Civil works delayed',
        }),
      ]);
  });
  it('rejects an extension that is not later, or has no reason', () => {
    given([signed])
      .when(agreementCommand('ExtendClosingDate', { closingDate: '2029-12-31', reason: 'x' }))
      .thenThrows('CLOSING_DATE_NOT_LATER');
    given([signed])
      .when(agreementCommand('ExtendClosingDate', { closingDate: '2030-06-30', reason: '' }))
      .thenThrows('REASON_REQUIRED');
  });
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
