import {
  agreementCommand,
  agreementEvent,
  agreementSigned,
  committed,
  declaredEffective,
  givenAgreement as given,
  transaction,
} from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();
const effective = [signed, committed(), declaredEffective];
const today = '2026-11-26';

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
