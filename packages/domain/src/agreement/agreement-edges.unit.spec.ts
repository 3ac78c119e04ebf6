import {
  agreementCommand,
  agreementEvent,
  agreementSigned,
  committed,
  declaredEffective,
  givenAgreement as given,
  signAgreement,
  transaction,
} from '../test-support/agreement-fixtures.js';
import { evolveAgreement, initialAgreementState } from './agreement-state.js';

// The edges of the agreement's rules: the day a date rule starts to hold, the sign a movement is stored with, and
// what each recorded event changes for the next command.

const signed = agreementSigned();
const effective = [signed, committed(), declaredEffective];
const tx = (amount: string, extra: object = {}) => ({ transactionId: 'T-1', amount, currency: 'USD', valueDate: '2025-07-01', ...extra });
const today = '2026-11-26';

describe('signing', () => {
  it('accepts a closing date the day after signing, and no closing date at all', () => {
    given([])
      .when(signAgreement({ closingDate: '2025-03-15' }))
      .then([agreementSigned({ closingDate: '2025-03-15' })]);
    const { closingDate: _none, ...withoutClosing } = agreementSigned().data;
    given([])
      .when(signAgreement({ closingDate: undefined }))
      .then([agreementEvent('AgreementSigned', withoutClosing)]);
  });
  it('keeps the provider activity id and the source it was signed on', () => {
    const source = { citation: 'Grant agreement 0900-KGZ', confidence: 'confirmed' as const };
    given([])
      .when(signAgreement({ providerActivityId: '46004-52096-001', source }))
      .then([agreementSigned({ providerActivityId: '46004-52096-001', source })]);
  });
  it('checks the identifiers it is given', () => {
    given([])
      .when(signAgreement({ providerActivityId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'providerActivityId' });
    given([])
      .when(signAgreement({ projectId: '' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'projectId' });
    given([])
      .when(signAgreement({ agreementNumber: '' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'agreementNumber' });
    given([])
      .when(signAgreement({ agreementId: '' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'agreementId' });
  });
  it('signs a counterpart line or a PPP tranche with any finance and aid type', () => {
    const codes = { financeType: '421', aidType: 'D02' };
    const stored = { financeType: { code: '421', codelist: 'FinanceType', version: '2.03' }, aidType: { code: 'D02', codelist: 'AidType', version: '2.03' } };
    given([])
      .when(signAgreement({ instrument: 'counterpart', ...codes }))
      .then([agreementSigned({ instrument: 'counterpart', ...stored })]);
    given([])
      .when(signAgreement({ instrument: 'ppp', ...codes }))
      .then([agreementSigned({ instrument: 'ppp', ...stored })]);
  });
});

describe('effectiveness', () => {
  it('may start on the signing day', () => {
    given([signed])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-03-14' }))
      .then([agreementEvent('AgreementDeclaredEffective', { effectiveDate: '2025-03-14', effectivenessDate: '2025-03-14' })]);
  });
  it('lets money flow once declared', () => {
    given([signed, committed(), declaredEffective])
      .when(agreementCommand('RecordAgreementDisbursement', tx('1')))
      .then([transaction('AgreementDisbursementRecorded', '3', 'T-1', '1.00')]);
  });
});

describe('amendments', () => {
  it('stores an increase positive and a decrease negative', () => {
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1000000'), change: 'increase', reason: 'Scope added' }))
      .then([transaction('CommitmentAmended', '11', 'T-1', '1000000.00', '2025-07-01', { reason: 'Scope added' })]);
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1000000'), change: 'decrease', reason: 'Scope reduced' }))
      .then([transaction('CommitmentAmended', '11', 'T-1', '-1000000.00', '2025-07-01', { reason: 'Scope reduced' })]);
  });
  it('counts an increase towards what may be disbursed, and a decrease against it', () => {
    const increased = [...effective, transaction('CommitmentAmended', '11', 'A-1', '1000000.00', '2025-06-15', { reason: 'x' })];
    given(increased)
      .when(agreementCommand('RecordFundsReceived', tx('25000000')))
      .then([transaction('FundsReceived', '1', 'T-1', '25000000.00')]);
    const decreased = [...effective, transaction('CommitmentAmended', '11', 'A-1', '-1000000.00', '2025-06-15', { reason: 'x' })];
    given(decreased)
      .when(agreementCommand('RecordFundsReceived', tx('23000000.01')))
      .thenThrows('FUNDS_RECEIVED_EXCEED_COMMITMENT');
    given(decreased)
      .when(agreementCommand('RecordFundsReceived', tx('23000000')))
      .then([transaction('FundsReceived', '1', 'T-1', '23000000.00')]);
  });
  it('needs a commitment in the currency, and a reason', () => {
    given([signed])
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'decrease', reason: 'x' }))
      .thenThrows('NO_COMMITMENT_TO_AMEND');
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'decrease' }))
      .thenThrows('REASON_REQUIRED', { field: 'reason' });
  });
});

describe('closing date extensions', () => {
  const extend = (closingDate: string) => agreementCommand('ExtendClosingDate', { closingDate, reason: 'Civil works delayed' });
  const extended = agreementEvent('ClosingDateExtended', { previousClosingDate: '2029-12-31', closingDate: '2030-06-30', reason: 'Civil works delayed' });
  it('moves the closing date: the next extension must pass the extended one, and names it as previous', () => {
    given([signed, extended])
      .when(extend('2030-03-31'))
      .thenThrows('CLOSING_DATE_NOT_LATER', { details: { previous: '2030-06-30', closingDate: '2030-03-31' } });
    given([signed, extended])
      .when(extend('2030-12-31'))
      .then([
        agreementEvent('ClosingDateExtended', {
          effectiveDate: today,
          previousClosingDate: '2030-06-30',
          closingDate: '2030-12-31',
          reason: 'Civil works delayed',
        }),
      ]);
  });
  it('passes the signing date when the agreement had no closing date', () => {
    const { closingDate: _none, ...withoutClosing } = agreementSigned().data;
    const open = agreementEvent('AgreementSigned', withoutClosing);
    given([open])
      .when(extend('2025-03-14'))
      .thenThrows('CLOSING_DATE_NOT_LATER', { details: { previous: '2025-03-14', closingDate: '2025-03-14' } });
    given([open])
      .when(extend('2025-03-15'))
      .then([agreementEvent('ClosingDateExtended', { effectiveDate: today, closingDate: '2025-03-15', reason: 'Civil works delayed' })]);
  });
  it('accepts a closing date a day later', () => {
    given([signed])
      .when(extend('2030-01-01'))
      .then([
        agreementEvent('ClosingDateExtended', {
          effectiveDate: today,
          previousClosingDate: '2029-12-31',
          closingDate: '2030-01-01',
          reason: 'Civil works delayed',
        }),
      ]);
  });
});

describe('reversals and planned disbursements', () => {
  const source = { citation: 'ADB LFIS statement', confidence: 'confirmed' as const };
  it('keeps a trimmed note and drops a blank one', () => {
    const received = transaction('FundsReceived', '1', 'R-1', '10.00');
    const reversed = (extra: object) =>
      agreementEvent('TransactionReversed', {
        effectiveDate: today,
        transactionId: 'R-1',
        reversedEventType: 'FundsReceived',
        amount: '10.00',
        currency: 'USD',
        reasonCode: 'DUPLICATE_ENTRY',
        source: { ...source },
        ...extra,
      });
    const reverse = (note: string) => agreementCommand('ReverseTransaction', { transactionId: 'R-1', reasonCode: 'DUPLICATE_ENTRY', source, note });
    given([...effective, received])
      .when(reverse('  entered twice '))
      .then([reversed({ note: 'entered twice' })]);
    given([...effective, received])
      .when(reverse('  '))
      .then([reversed({})]);
  });
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

describe('evolve', () => {
  it('ignores what happens to an agreement before it is signed or opened', () => {
    const unopened = initialAgreementState();
    expect(evolveAgreement(unopened, declaredEffective)).toEqual({ exists: false });
    expect(evolveAgreement(unopened, agreementEvent('ClosingDateExtended', { closingDate: '2030-01-01', reason: 'x' }))).toEqual({ exists: false });
  });
  it('ignores the reversal of a transaction it does not know', () => {
    const state = [signed, committed()].reduce(evolveAgreement, initialAgreementState());
    const reversed = agreementEvent('TransactionReversed', {
      transactionId: 'NOPE',
      reversedEventType: 'FundsReceived',
      amount: '1.00',
      currency: 'USD',
      reasonCode: 'DUPLICATE_ENTRY',
    });
    expect(evolveAgreement(state, reversed)).toEqual(state);
  });
});
