import {
  AGREEMENT_ID,
  agreementCommand,
  agreementEvent,
  agreementSigned,
  committed,
  declaredEffective,
  givenAgreement as given,
  transaction,
  tx,
} from '../test-support/agreement-fixtures.js';

// What a client sees when an agreement command is refused: each rule's code, message and details.

const signed = agreementSigned();
const effective = [signed, committed(), declaredEffective];

describe('signing and effectiveness refusals', () => {
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
});
