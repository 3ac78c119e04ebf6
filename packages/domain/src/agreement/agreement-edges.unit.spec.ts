import { agreementEvent, agreementSigned, committed, declaredEffective } from '../test-support/agreement-fixtures.js';
import { evolveAgreement, initialAgreementState } from './agreement-state.js';

// The edges of the agreement's rules: the day a date rule starts to hold, the sign a movement is stored with, and
// what each recorded event changes for the next command.

const signed = agreementSigned();

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
