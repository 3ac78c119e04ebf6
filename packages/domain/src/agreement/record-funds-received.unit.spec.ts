import {
  agreementCommand,
  agreementSigned,
  committed,
  declaredEffective,
  givenAgreement as given,
  transaction,
  agreementEvent,
  tx,
  balances,
  leaves,
} from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();
const effective = [signed, committed(), declaredEffective];

describe('amendments', () => {
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
});

describe('ReverseTransaction', () => {
  const source = { citation: 'ADB LFIS statement, Jul 2025', confidence: 'confirmed' as const };

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
});
