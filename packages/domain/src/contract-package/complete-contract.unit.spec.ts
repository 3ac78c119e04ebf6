import { awarded, command, completed, given, planned } from '../test-support/contract-package-fixtures.js';

describe('CompleteContract and TerminateContract', () => {
  it('completes an awarded contract on its completion date', () => {
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-11-20' }))
      .then([completed]);
  });

  it('rejects completion in the future, before the award, of a contract not awarded, or twice', () => {
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-11-27' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
    given([planned, awarded])
      .when(command('CompleteContract', { completionDate: '2026-10-14' }))
      .thenThrows('CONTRACT_DATE_BEFORE_AWARD');
    given([planned])
      .when(command('CompleteContract', { completionDate: '2026-11-20' }))
      .thenThrows('CONTRACT_NOT_AWARDED');
    given([planned, awarded, completed])
      .when(command('CompleteContract', { completionDate: '2026-11-21' }))
      .thenThrows('CONTRACT_CLOSED');
  });
});
