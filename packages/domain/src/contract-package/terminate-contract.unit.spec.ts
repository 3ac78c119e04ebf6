import { awarded, command, completed, given, planned, terminated } from '../test-support/contract-package-fixtures.js';

describe('CompleteContract and TerminateContract', () => {
  it('terminates an awarded contract with a reason', () => {
    given([planned, awarded])
      .when(command('TerminateContract', { reason: 'Contractor default' }))
      .then([terminated]);
  });

  it('rejects termination without a reason, dated before the award or in the future, of a contract not awarded, or of a closed one', () => {
    given([planned, awarded])
      .when(command('TerminateContract', { reason: '' }))
      .thenThrows('REASON_REQUIRED');
    given([planned, awarded])
      .when(command('TerminateContract', { reason: 'x', effectiveDate: '2026-10-01' }))
      .thenThrows('CONTRACT_DATE_BEFORE_AWARD');
    given([planned, awarded])
      .when(command('TerminateContract', { reason: 'x', effectiveDate: '2026-11-27' }))
      .thenThrows('EFFECTIVE_DATE_IN_FUTURE');
    given([planned])
      .when(command('TerminateContract', { reason: 'x' }))
      .thenThrows('CONTRACT_NOT_AWARDED');
    given([planned, awarded, terminated])
      .when(command('TerminateContract', { reason: 'x' }))
      .thenThrows('CONTRACT_CLOSED');
    given([planned, awarded, completed])
      .when(command('TerminateContract', { reason: 'x' }))
      .thenThrows('CONTRACT_CLOSED');
  });
});
