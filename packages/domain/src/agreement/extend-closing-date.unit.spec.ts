import { agreementCommand, agreementEvent, agreementSigned, givenAgreement as given } from '../test-support/agreement-fixtures.js';

const signed = agreementSigned();
const today = '2026-11-26';

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

describe('transaction refusals', () => {
  it('gives the previous closing date an extension must pass', () => {
    given([signed])
      .when(agreementCommand('ExtendClosingDate', { closingDate: '2029-12-31', reason: 'x' }))
      .thenThrows('CLOSING_DATE_NOT_LATER', {
        message: 'An extension moves the closing date after 2029-12-31',
        details: { previous: '2029-12-31', closingDate: '2029-12-31' },
      });
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
});
