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

// What a client sees when an agreement command is refused: each rule's code, message and details.

const signed = agreementSigned();
const effective = [signed, committed(), declaredEffective];
const tx = (amount: string, extra: object = {}) => ({ transactionId: 'T-1', amount, currency: 'USD', valueDate: '2025-07-01', ...extra });
const balances = (netCommitment: string, fundsReceived: string, payments: string) => ({ currency: 'USD', netCommitment, fundsReceived, payments });
const leaves = (disbursed: string, netCommitment: string) => `This would leave ${disbursed} USD disbursed against a net commitment of ${netCommitment}`;

describe('signing and effectiveness refusals', () => {
  it('names the agreement already signed, and the reserved shorthand id', () => {
    given([signed])
      .when(signAgreement())
      .thenThrows('AGREEMENT_ALREADY_SIGNED', { message: `Agreement ${AGREEMENT_ID} is already signed`, details: { agreementId: AGREEMENT_ID } });
    given([])
      .when(signAgreement({ agreementId: 'P~ADB' }))
      .thenThrows('AGREEMENT_ID_RESERVED', {
        message: 'Agreement ids containing "~" are reserved for the agreements the project-level shorthand opens',
        details: { agreementId: 'P~ADB' },
      });
  });
  it('lists the instruments, and says which codes an instrument needs', () => {
    given([])
      .when(signAgreement({ instrument: 'bond' }))
      .thenThrows('UNKNOWN_INSTRUMENT', {
        message: '"bond" is not a financing instrument',
        details: { instrument: 'bond', allowed: ['grant', 'loan', 'ta', 'counterpart', 'ppp'] },
      });
    given([])
      .when(signAgreement({ instrument: 'loan' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH', {
        message: 'A loan is finance type 421',
        details: { instrument: 'loan', financeType: '110', aidType: 'C01' },
      });
    given([])
      .when(signAgreement({ instrument: 'ta' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH', {
        message: 'A ta is finance type 110 with aid type D02',
        details: { instrument: 'ta', financeType: '110', aidType: 'C01' },
      });
    given([])
      .when(signAgreement({ instrument: 'ta', financeType: '421', aidType: 'D02' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH', {
        message: 'A ta is finance type 110 with aid type D02',
        details: { instrument: 'ta', financeType: '421', aidType: 'D02' },
      });
    given([])
      .when(signAgreement({ financeType: '421' }))
      .thenThrows('INSTRUMENT_CODES_MISMATCH', { message: 'A grant is finance type 110' });
  });
  it('gives the signing and closing dates of a closing date not after signing', () => {
    given([])
      .when(signAgreement({ closingDate: '2025-03-14' }))
      .thenThrows('CLOSING_DATE_NOT_AFTER_SIGNING', {
        message: 'The closing date must be after the signing date',
        details: { signedDate: '2025-03-14', closingDate: '2025-03-14' },
      });
  });
  it('names the agreement not signed or not yet effective', () => {
    given([])
      .when(agreementCommand('ExtendClosingDate', { closingDate: '2030-06-30', reason: 'x' }))
      .thenThrows('AGREEMENT_NOT_FOUND', {
        message: `Agreement ${AGREEMENT_ID} has not been signed`,
        details: { agreementId: AGREEMENT_ID },
      });
    given([signed, committed()])
      .when(agreementCommand('RecordFundsReceived', tx('1')))
      .thenThrows('AGREEMENT_NOT_EFFECTIVE', {
        message: `Agreement ${AGREEMENT_ID} is not yet effective; nothing can be disbursed under it`,
        details: { agreementId: AGREEMENT_ID },
      });
  });
  it('gives the dates of an effectiveness declared twice or before signing', () => {
    given([signed, declaredEffective])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-06-02' }))
      .thenThrows('AGREEMENT_ALREADY_EFFECTIVE', {
        message: `Agreement ${AGREEMENT_ID} has been effective since 2025-06-01`,
        details: { effectivenessDate: '2025-06-01' },
      });
    given([signed])
      .when(agreementCommand('DeclareAgreementEffective', { effectivenessDate: '2025-03-13' }))
      .thenThrows('EFFECTIVENESS_BEFORE_SIGNING', {
        message: 'An agreement cannot be effective before it is signed',
        details: { signedDate: '2025-03-14', effectivenessDate: '2025-03-13' },
      });
  });
});

describe('project-level shorthand refusals', () => {
  const commit = (data: object) =>
    ({
      type: 'RecordCommitment',
      data: {
        agreementId: AGREEMENT_ID,
        projectId: 'ECAB-TR-02',
        financier: 'XM-DAC-46004',
        commitmentId: 'C-9',
        amount: '1',
        currency: 'USD',
        date: '2025-07-01',
        ...data,
      },
    }) as never;
  it('name the agreement of another project, or one never signed', () => {
    given([signed])
      .when(commit({ projectId: 'ECAB-TR-09' }))
      .thenThrows('AGREEMENT_OF_ANOTHER_PROJECT', {
        message: `Agreement ${AGREEMENT_ID} belongs to project ECAB-TR-02, not ECAB-TR-09`,
        details: { agreementId: AGREEMENT_ID, projectId: 'ECAB-TR-02' },
      });
    given([])
      .when(commit({}))
      .thenThrows('AGREEMENT_NOT_FOUND', { message: `Agreement ${AGREEMENT_ID} has not been signed`, details: { agreementId: AGREEMENT_ID } });
  });
  it('check the project and financier ids', () => {
    given([])
      .when(commit({ projectId: ' ' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'projectId' });
    given([])
      .when(commit({ financier: '' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'financier' });
  });
});

describe('transaction refusals', () => {
  it('names the transaction id used before, unknown or already reversed', () => {
    given([signed, committed()])
      .when(agreementCommand('RecordAgreementCommitment', tx('1', { transactionId: 'C-1' })))
      .thenThrows('DUPLICATE_TRANSACTION_ID', {
        message: 'Transaction C-1 is already recorded',
        details: { transactionId: 'C-1' },
      });
    const source = { citation: 'ADB LFIS statement', confidence: 'confirmed' as const };
    const reverse = (transactionId: string, reasonCode = 'DATA_ENTRY_ERROR') => agreementCommand('ReverseTransaction', { transactionId, reasonCode, source });
    given(effective)
      .when(reverse('NOPE'))
      .thenThrows('TRANSACTION_NOT_FOUND', { message: 'Transaction NOPE is not recorded under this agreement', details: { transactionId: 'NOPE' } });
    const received = transaction('FundsReceived', '1', 'R-1', '10.00');
    const reversed = agreementEvent('TransactionReversed', {
      transactionId: 'R-1',
      reversedEventType: 'FundsReceived',
      amount: '10.00',
      currency: 'USD',
      reasonCode: 'SOURCE_CORRECTION',
      source,
    });
    given([...effective, received, reversed])
      .when(reverse('R-1'))
      .thenThrows('TRANSACTION_ALREADY_REVERSED', { message: 'Transaction R-1 is already reversed', details: { transactionId: 'R-1' } });
    given([...effective, received])
      .when(reverse('R-1', 'OOPS'))
      .thenThrows('UNKNOWN_REVERSAL_REASON', {
        message: '"OOPS" is not a reversal reason',
        details: { reasonCode: 'OOPS', allowed: ['SOURCE_CORRECTION', 'DATA_ENTRY_ERROR', 'DUPLICATE_ENTRY'] },
      });
  });
  it('says what an amendment is, and in which currency nothing is committed', () => {
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1'), change: 'sideways' as never, reason: 'x' }))
      .thenThrows('AMENDMENT_DIRECTION_INVALID', {
        message: 'An amendment is an increase or a decrease',
        details: { change: 'sideways' },
      });
    given(effective)
      .when(agreementCommand('AmendCommitment', { ...tx('1', { currency: 'KGS' }), change: 'increase', reason: 'x' }))
      .thenThrows('NO_COMMITMENT_TO_AMEND', {
        message: 'Nothing is committed in KGS under this agreement',
        details: { currency: 'KGS' },
      });
  });
  it('refuses a cancellation with nothing committed in its currency by saying so, not by the balance it would break', () => {
    given([signed])
      .when(agreementCommand('CancelFunds', { ...tx('100'), reason: 'Savings at closing' }))
      .thenThrows('NO_COMMITMENT_TO_CANCEL', {
        message: 'Nothing is committed in USD under this agreement',
        details: { currency: 'USD' },
      });
    given(effective)
      .when(agreementCommand('CancelFunds', { ...tx('1', { currency: 'KGS' }), reason: 'Savings at closing' }))
      .thenThrows('NO_COMMITMENT_TO_CANCEL', {
        message: 'Nothing is committed in KGS under this agreement',
        details: { currency: 'KGS' },
      });
    const cancelledAll = [...effective, transaction('FundsCancelled', '11', 'C-1', '24000000.00', '2025-06-15', { reason: 'x' })];
    given(cancelledAll)
      .when(agreementCommand('CancelFunds', { ...tx('0.01'), reason: 'x' }))
      .thenThrows('NO_COMMITMENT_TO_CANCEL', { message: 'Nothing is committed in USD under this agreement', details: { currency: 'USD' } });
  });
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
  it('gives the previous closing date an extension must pass', () => {
    given([signed])
      .when(agreementCommand('ExtendClosingDate', { closingDate: '2029-12-31', reason: 'x' }))
      .thenThrows('CLOSING_DATE_NOT_LATER', {
        message: 'An extension moves the closing date after 2029-12-31',
        details: { previous: '2029-12-31', closingDate: '2029-12-31' },
      });
  });
});

describe('disbursed ≤ committed refusals give the balances the command would leave', () => {
  it('funds received beyond the net commitment', () => {
    const reduced = [...effective, transaction('FundsCancelled', '11', 'X-1', '4000000.00', '2025-06-15', { reason: 'x' })];
    given(reduced)
      .when(agreementCommand('RecordFundsReceived', tx('20000000.01')))
      .thenThrows('FUNDS_RECEIVED_EXCEED_COMMITMENT', {
        message: leaves('20000000.01', '20000000.00'),
        details: balances('20000000.00', '20000000.01', '0.00'),
      });
  });
  it('payments beyond the net commitment', () => {
    const paid = [...effective, transaction('AgreementDisbursementRecorded', '3', 'P-1', '23000000.00')];
    given(paid)
      .when(agreementCommand('RecordExpenditure', tx('1000000.01')))
      .thenThrows('PAYMENTS_EXCEED_COMMITMENT', {
        message: leaves('24000000.01', '24000000.00'),
        details: balances('24000000.00', '0.00', '24000000.01'),
      });
  });
  it('a cancellation below the funds received, and one below the payments', () => {
    const received = [...effective, transaction('FundsReceived', '1', 'R-1', '20000000.00'), transaction('ExpenditureRecorded', '4', 'E-1', '5.00')];
    given(received)
      .when(agreementCommand('CancelFunds', { ...tx('4000000.01'), reason: 'x' }))
      .thenThrows('COMMITMENT_BELOW_DISBURSED', {
        message: leaves('20000000.00', '19999999.99'),
        details: balances('19999999.99', '20000000.00', '5.00'),
      });
    const paid = [...effective, transaction('FundsReceived', '1', 'R-1', '5.00'), transaction('AgreementDisbursementRecorded', '3', 'P-1', '23000000.00')];
    given(paid)
      .when(agreementCommand('CancelFunds', { ...tx('1000000.01'), reason: 'x' }))
      .thenThrows('COMMITMENT_BELOW_DISBURSED', {
        message: leaves('23000000.00', '22999999.99'),
        details: balances('22999999.99', '5.00', '23000000.00'),
      });
  });
});
